package io.sextant.platform.onboarding;

import io.sextant.platform.tenancy.IsolationModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the isolation, policy-pack, audit and backup tables to the answers, then the user's edit
 * of each item; an edit below what a required row asks for is kept and reported as a conflict.
 */
final class ItemRules {

    /**
     * The platform keeps one audit chain for all tenants, so a tenant's retention can only be a
     * minimum: nothing leaves the chain before the longest minimum of any tenant (today nothing
     * leaves it at all; the runtime role may not delete audit events).
     */
    static final String RETENTION_KEPT = "kept as this project's minimum: all tenants share one audit chain,"
            + " and no audit event is deleted before the longest minimum of any tenant";
    /** Backups are not taken yet: the target is recorded on the project for when they are. */
    static final String BACKUPS_PLANNED = "backups are planned: the target is recorded, but no backup is taken yet";

    private ItemRules() {
    }

    static Derived<IsolationModel> isolation(Intent intent, Overrides edits, List<Conflict> conflicts) {
        var rule = RulesTable.first(RulesTable.ISOLATION, intent);
        var derived = new DerivedItem<>(rule.value(),
                Words.capitalise(Words.lower(rule.value().name())) + " isolation because " + rule.because().apply(intent),
                rule.sources(), false);
        var chosen = edits.isolation();
        if (chosen == null || chosen == rule.value()) {
            return new Derived<>(derived, rule.topic().apply(intent), rule.remedy());
        }
        if (rule.required()) {
            conflicts.add(new Conflict("ISO-C1", SetupItem.ISOLATION,
                    Words.capitalise(rule.topic().apply(intent)) + " needs " + Words.lower(rule.value().name())
                            + " isolation; the " + Words.lower(chosen.name()) + " isolation you chose does not provide it — choose "
                            + Words.lower(rule.value().name()) + " isolation or " + rule.remedy(),
                    rule.sources()));
        }
        var other = chosen == IsolationModel.SHARED ? "dedicated" : "shared";
        return new Derived<>(edited(chosen, Words.capitalise(Words.lower(chosen.name())) + " isolation", derived),
                "your choice", "choose " + other + " isolation");
    }

    static Derived<Set<PolicyPack>> policyPacks(Intent intent, Overrides edits, List<Conflict> conflicts) {
        var rules = RulesTable.all(RulesTable.POLICY_PACKS, intent);
        var packs = EnumSet.noneOf(PolicyPack.class);
        var sources = EnumSet.noneOf(Question.class);
        var because = new ArrayList<String>();
        for (var rule : rules) {
            packs.add(rule.value());
            sources.addAll(rule.sources());
            because.add(rule.value().label() + " pack because " + rule.because().apply(intent));
        }
        var derived = new DerivedItem<Set<PolicyPack>>(Set.copyOf(packs), String.join("; ", because), sources, false);
        var chosen = edits.policyPacks();
        if (chosen == null || chosen.equals(packs)) {
            return new Derived<>(derived, "", "");
        }
        for (var rule : rules) {
            if (!chosen.contains(rule.value())) {
                conflicts.add(new Conflict("PCK-C1", SetupItem.POLICY_PACKS,
                        Words.capitalise(rule.topic().apply(intent)) + " needs the " + rule.value().label()
                                + " policy pack; your selection leaves it out — add the " + rule.value().label() + " pack"
                                + (rule.remedy().isEmpty() ? "" : " or " + rule.remedy()),
                        rule.sources()));
            }
        }
        var labels = chosen.stream().sorted().map(p -> p.label() + " pack").toList();
        return new Derived<>(edited(Set.copyOf(chosen), labels.isEmpty() ? "No policy pack" : Words.and(labels), derived),
                "your choice", "");
    }

    static Derived<Integer> auditRetention(Intent intent, Overrides edits, List<Conflict> conflicts) {
        var rules = RulesTable.all(RulesTable.AUDIT_RETENTION, intent);
        int days = rules.stream().map(Rule::value).max(Comparator.naturalOrder()).orElseThrow();
        var binding = rules.stream().filter(r -> r.value() == days).toList();
        var sources = EnumSet.noneOf(Question.class);
        binding.forEach(r -> sources.addAll(r.sources()));
        var derived = new DerivedItem<>(days, days + " days of audit history because "
                + Words.and(binding.stream().map(r -> r.because().apply(intent)).toList()) + "; " + RETENTION_KEPT,
                sources, false);
        var topic = Words.and(binding.stream().map(r -> r.topic().apply(intent)).toList());
        var remedy = Words.and(binding.stream().map(Rule::remedy).filter(r -> !r.isEmpty()).toList());
        var chosen = edits.auditRetentionDays();
        if (chosen == null || chosen == days) {
            return new Derived<>(derived, topic, remedy);
        }
        if (chosen < days) {
            conflicts.add(new Conflict("AUD-C1", SetupItem.AUDIT_RETENTION,
                    Words.capitalise(topic) + " needs at least " + days + " days of audit history; you chose " + chosen
                            + " — choose " + days + " days or more" + (remedy.isEmpty() ? "" : ", or " + remedy),
                    sources));
        }
        return new Derived<>(edited(chosen, chosen + " days of audit history", derived), "your choice",
                "choose fewer days of audit history");
    }

    static Derived<BackupTarget> backup(Intent intent, Overrides edits, List<Conflict> conflicts) {
        var rule = RulesTable.first(RulesTable.BACKUP, intent);
        var derived = new DerivedItem<>(rule.value(),
                Words.capitalise(rule.value().description()) + ", because " + rule.because().apply(intent) + "; " + BACKUPS_PLANNED,
                rule.sources(), false);
        var chosen = edits.backup();
        if (chosen == null || chosen == rule.value()) {
            return new Derived<>(derived, rule.topic().apply(intent), rule.remedy());
        }
        if (!chosen.covers(rule.value())) {
            conflicts.add(new Conflict("BAK-C1", SetupItem.BACKUP,
                    "You asked for " + Words.lower(intent.recovery().label()) + "; " + chosen.description()
                            + " cannot give it — choose " + rule.value().description() + " or change the recovery answer",
                    rule.sources()));
        }
        return new Derived<>(edited(chosen, Words.capitalise(chosen.description()), derived), "your choice",
                "choose daily snapshots");
    }

    /** An edited item keeps the derived suggestion in its reason, so the user sees what they overrode. */
    static <T> DerivedItem<T> edited(T value, String valueText, DerivedItem<T> derived) {
        return new DerivedItem<>(value, valueText + ", your choice; the rules suggested: " + derived.reason(),
                new LinkedHashSet<>(derived.sourceAnswers()), true);
    }
}
