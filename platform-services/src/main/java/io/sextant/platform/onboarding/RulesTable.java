package io.sextant.platform.onboarding;

import static io.sextant.platform.onboarding.Question.BUILDING;
import static io.sextant.platform.onboarding.Question.DATA;
import static io.sextant.platform.onboarding.Question.END_USERS;
import static io.sextant.platform.onboarding.Question.RECOVERY;
import static io.sextant.platform.onboarding.Question.RESIDENCY;
import static io.sextant.platform.onboarding.Question.SCALE;

import io.sextant.platform.tenancy.DataClass;
import io.sextant.platform.tenancy.IsolationModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rules table, as data. Each list is one table of {@code docs/onboarding-rules.md}, row for row,
 * under the same ids; a test keeps the two in step. The figures (90 days, a year, six years) are
 * this platform's policy, written down so a reviewer can argue with them, not legal advice.
 */
final class RulesTable {

    /** Region: first matching row; the value is the required jurisdiction, "*" for any. */
    static final List<Rule<String>> REGION = List.of(
            Rule.of("REG-1", i -> i.residency() == Residency.EU, "EU", Set.of(RESIDENCY),
                    i -> "data must stay in the EU", "data that must stay in the EU",
                    "answer Anywhere for where data must stay", true),
            Rule.of("REG-2", i -> i.residency() == Residency.US, "US", Set.of(RESIDENCY),
                    i -> "data must stay in the US", "data that must stay in the US",
                    "answer Anywhere for where data must stay", true),
            Rule.of("REG-3", i -> true, "*", Set.of(RESIDENCY),
                    i -> "data may be stored anywhere, so the first region in the catalogue is used",
                    "data that may be stored anywhere", "", false));

    /** Isolation: first matching row. */
    static final List<Rule<IsolationModel>> ISOLATION = List.of(
            Rule.of("ISO-1", i -> i.holds(DataClass.HEALTH), IsolationModel.DEDICATED, Set.of(DATA),
                    i -> "health data is kept apart from other tenants' rows, in a database of its own",
                    "health data", "remove health data", true),
            Rule.of("ISO-2", i -> i.building() == Building.ANALYTICS && i.scale() == Scale.LARGE,
                    IsolationModel.DEDICATED, Set.of(BUILDING, SCALE),
                    i -> "large-scale analytics would compete with other tenants for a shared database",
                    "large-scale analytics", "choose shared isolation", false),
            new Rule<>("ISO-3", i -> true, IsolationModel.SHARED, Set.of(DATA, BUILDING, SCALE),
                    i -> "with " + DataAnswers.phrase(i.data()) + " in a " + i.building().label() + " at "
                            + Words.lower(i.scale().label())
                            + " scale, forced row-level security on shared tables keeps each tenant to its own rows",
                    i -> DataAnswers.phrase(i.data()), "choose dedicated isolation", false));

    /** Policy packs: every matching row adds its pack. */
    static final List<Rule<PolicyPack>> POLICY_PACKS = List.of(
            new Rule<>("PCK-1", i -> true, PolicyPack.BASELINE, Set.of(DATA),
                    i -> i.data().isEmpty() ? "you hold no sensitive data, and every project starts from deny-by-default"
                            : "every project starts from deny-by-default",
                    i -> "every project", "", true),
            Rule.of("PCK-2", i -> i.holds(DataClass.PERSONAL), PolicyPack.PERSONAL_DATA, Set.of(DATA),
                    i -> "you hold personal data", "personal data", "remove personal data", true),
            Rule.of("PCK-3", i -> i.holds(DataClass.PAYMENT), PolicyPack.PAYMENT, Set.of(DATA),
                    i -> "you hold payment data", "payment data", "remove payment data", true),
            Rule.of("PCK-4", i -> i.holds(DataClass.HEALTH), PolicyPack.HEALTH, Set.of(DATA),
                    i -> "you hold health data", "health data", "remove health data", true));

    /** Audit retention in days: the largest matching row wins. */
    static final List<Rule<Integer>> AUDIT_RETENTION = List.of(
            new Rule<>("AUD-1", i -> true, 7, Set.of(DATA, END_USERS),
                    i -> "with " + DataAnswers.phrase(i.data()) + " and " + Words.lower(i.endUsers().label())
                            + " as end users nothing asks for a longer history",
                    i -> "every project", "", true),
            Rule.of("AUD-2", i -> i.holds(DataClass.PERSONAL), 90, Set.of(DATA),
                    i -> "what was done to a project holding personal data must stay reviewable for a quarter", "personal data",
                    "remove personal data", true),
            Rule.of("AUD-3", i -> i.endUsers() == EndUsers.BUSINESS_CUSTOMERS, 90, Set.of(END_USERS),
                    i -> "business customers ask what was done to their project over the last quarter",
                    "business customers", "change who the end users are", true),
            Rule.of("AUD-4", i -> i.holds(DataClass.PAYMENT), 365, Set.of(DATA),
                    i -> "payment data needs a year of audit history", "payment data",
                    "remove payment data", true),
            Rule.of("AUD-5", i -> i.holds(DataClass.HEALTH), 2190, Set.of(DATA),
                    i -> "health data needs six years of audit history", "health data",
                    "remove health data", true));

    /** Backup target: first matching row; it is the minimum the recovery answer accepts. */
    static final List<Rule<BackupTarget>> BACKUP = List.of(
            Rule.of("BAK-1", i -> i.recovery() == Recovery.POINT_IN_TIME, BackupTarget.POINT_IN_TIME,
                    Set.of(RECOVERY), i -> "you asked for point-in-time recovery", "point-in-time recovery",
                    "change the recovery answer", true),
            Rule.of("BAK-2", i -> i.recovery() == Recovery.DAILY_BACKUPS, BackupTarget.DAILY_SNAPSHOTS,
                    Set.of(RECOVERY), i -> "you asked for daily backups", "daily backups",
                    "change the recovery answer", true),
            Rule.of("BAK-3", i -> true, BackupTarget.NIGHTLY_SNAPSHOT, Set.of(RECOVERY),
                    i -> "best effort recovery is what you asked for", "best effort recovery", "", true));

    /** Plan needs and conflict checks live in code (they compare with the catalogue); their ids. */
    static final List<String> PLAN_IDS = List.of(
            "PLAN-1", "PLAN-2", "PLAN-3", "PLAN-4", "PLAN-5", "PLAN-6", "PLAN-7", "PLAN-C1", "PLAN-C2", "PLAN-C3");
    static final List<String> CONFLICT_IDS = List.of(
            "REG-C1", "REG-C2", "REG-C3", "ISO-C1", "PCK-C1", "AUD-C1", "BAK-C1");

    private RulesTable() {
    }

    static List<String> ids() {
        return Stream.of(REGION, ISOLATION, POLICY_PACKS, AUDIT_RETENTION, BACKUP)
                .flatMap(List::stream).map(Rule::id)
                .collect(Collectors.collectingAndThen(Collectors.toList(),
                        l -> Stream.of(l, PLAN_IDS, CONFLICT_IDS).flatMap(List::stream).toList()));
    }

    static <T> Rule<T> first(List<Rule<T>> table, Intent intent) {
        return table.stream().filter(r -> r.when().test(intent)).findFirst()
                .orElseThrow(() -> new IllegalStateException("rules table without a catch-all row"));
    }

    static <T> List<Rule<T>> all(List<Rule<T>> table, Intent intent) {
        return table.stream().filter(r -> r.when().test(intent)).toList();
    }
}
