package io.sextant.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Residency findings read as words a person reads, never as "tenant key=false". */
class ResidencyWordsTest {

    @Test
    void holdingsNameWhatIsThereAndNothingElse() {
        var home = new ResidencyReport.Finding("eu-central", "1", true, false, true, 3, true);
        var elsewhere = new ResidencyReport.Finding("us-east", "2", false, false, false, 0, true);
        var oneRow = new ResidencyReport.Finding("us-east", "2", false, false, false, 1, true);
        assertThat(home.holdings()).isEqualTo("its login role, its tenant key, 3 rows");
        assertThat(elsewhere.holdings()).isEqualTo("nothing of it");
        assertThat(oneRow.holdings()).isEqualTo("1 row");
        assertThat(home.holdings() + elsewhere.holdings()).doesNotContain("true", "false", "=");
    }
}
