package io.sextant.platform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/onboarding-rules.md and the code's rules table name the same rules. */
class RulesDocumentTests {

    private static final Path DOC = Path.of("../docs/onboarding-rules.md");
    private static final Pattern RULE_ID = Pattern.compile("\\b(?:REG|ISO|PCK|AUD|BAK|PLAN)-C?\\d+\\b");

    @Test
    void everyRuleIdIsDocumentedAndTheDocumentNamesNoOthers() throws IOException {
        var doc = Files.readString(DOC);
        var documented = new TreeSet<String>();
        RULE_ID.matcher(doc).results().forEach(m -> documented.add(m.group()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(OnboardingRules.ruleIds());
    }

    @Test
    void ruleIdsAreUnique() {
        assertThat(OnboardingRules.ruleIds()).doesNotHaveDuplicates();
    }
}
