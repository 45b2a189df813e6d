package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The pack descriptions and the onboarding reasons promise only what is installed. A word that
 * promises read logging or role-restricted reads is refused outright (neither is built); one that
 * promises per-person export or erasure, or backups, must come with the sentence saying they are
 * planned; one about audit history must come with how the retention is honoured on the platform's
 * single chain. So the wording cannot drift back to promising more than the platform does.
 */
class PromisedWordsTests {

    private static final Path DOC = Path.of("../docs/onboarding-rules.md");

    /** A promise, and the words that must stand in the same text for it to be true (none: never allowed). */
    private record Promise(String what, Pattern words, Optional<String> truth) {
        static Promise never(String what, String regex) {
            return new Promise(what, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), Optional.empty());
        }

        static Promise only(String what, String regex, String truth) {
            return new Promise(what, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), Optional.of(truth));
        }
    }

    private static final List<Promise> PROMISES = List.of(
            Promise.never("read logging", "\\blogg(ed|ing)\\b|\\baccess(ed)? (to|trail|log)|who (accessed|read|saw|viewed)|every read"),
            Promise.never("role-restricted reads", "readable only|only by|\\broles?\\b"),
            Promise.only("per-person export or erasure", "\\berasure|\\berase|\\bexport", "export and erasure are planned"),
            Promise.only("backups", "backup|snapshot|point-in-time|\\brestore", ItemRules.BACKUPS_PLANNED),
            Promise.only("audit retention", "audit history|retention|retain", ItemRules.RETENTION_KEPT));

    private final OnboardingRules rules = new OnboardingRules(PlanTerms.DEFAULTS, RegionTerms.DEFAULTS);

    static List<String> broken(String text) {
        var out = new ArrayList<String>();
        var lower = text.toLowerCase(Locale.ROOT);
        for (var p : PROMISES) {
            if (p.words().matcher(text).find() && p.truth().map(t -> !lower.contains(t.toLowerCase(Locale.ROOT))).orElse(true)) {
                out.add(p.what() + (p.truth().isPresent() ? " without \"" + p.truth().get() + "\"" : " (not installed)") + ": " + text);
            }
        }
        return out;
    }

    @Test
    void theCheckBites() {
        assertThat(broken("reads of personal columns are logged; export and erasure of one person's rows")).hasSize(2);
        assertThat(broken("payment columns readable only by a payments role")).hasSize(1);
        assertThat(broken("Daily snapshots, kept 7 days, because you asked for daily backups")).hasSize(1);
        assertThat(broken("90 days of audit history because business customers ask")).hasSize(1);
        assertThat(broken("deny by default; a tenant's sessions see and change only that tenant's rows")).isEmpty();
    }

    @Test
    void packDescriptionsPromiseOnlyWhatIsInstalled() {
        var texts = new ArrayList<String>();
        for (var pack : PolicyPack.values()) {
            texts.add(pack.label() + ": " + pack.description());
        }
        assertThat(texts.stream().flatMap(t -> broken(t).stream()).toList()).isEmpty();
    }

    @Test
    void reasonsOfEveryIntentPromiseOnlyWhatIsInstalled() {
        Set<String> reasons = new LinkedHashSet<>();
        var edits = List.of(Overrides.NONE, Overrides.NONE.withAuditRetentionDays(400),
                Overrides.NONE.withBackup(BackupTarget.POINT_IN_TIME), Overrides.NONE.withPolicyPacks(Set.of(PolicyPack.values())));
        for (var intent : Answers.all()) {
            for (var edit : edits) {
                var setup = rules.derive(intent, edit);
                // The plan's reason names what a plan is entitled to (a catalogue column), not what is installed.
                for (var item : List.of(setup.region(), setup.isolation(), setup.policyPacks(), setup.auditRetentionDays(), setup.backup())) {
                    reasons.add(item.reason());
                }
            }
        }
        assertThat(reasons.stream().flatMap(t -> broken(t).stream()).distinct().limit(10).toList()).isEmpty();
    }

    @Test
    void theRulesDocumentDescribesThePacksAsInstalled() throws IOException {
        var rows = Files.readAllLines(DOC).stream().filter(l -> l.matches("^\\| PCK-\\d+ .*")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().flatMap(t -> broken(t).stream()).toList()).isEmpty();
    }
}
