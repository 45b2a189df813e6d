package io.sextant.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.risk.internal.Features;
import io.sextant.platform.risk.internal.ModelParser;
import org.junit.jupiter.api.Test;

/** The model language: positioned errors, canonical text and hash, capped contributions. */
class RiskModelLanguageTest {

    static RiskModel parse(String text) {
        return ModelParser.parse(text, Features.byName());
    }

    static void failsAt(String text, int line, int column, String problem) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(ModelSyntaxException.class, e -> {
            assertThat(e.problem()).contains(problem);
            assertThat(e.line() + ":" + e.column()).as(e.getMessage()).isEqualTo(line + ":" + column);
        });
    }

    @Test
    void errorsNameLineAndColumn() {
        failsAt("threshold 70;\nfeature amount_vs_usal weight 30 cap 40;", 2, 9, "unknown feature amount_vs_usal; known features: amount, amount_vs_usual");
        failsAt("threshold 70;\nfeature amount weight 30\nfeature new_device weight 20;", 2, 25, "expected `;` at the end of the feature line");
        failsAt("threshold 70;\nfeature hour_of_day weight 10 when value = 3;", 2, 42, "use `==` to compare");
        failsAt("threshold 70;\nfeature amount_vs_usual weight 10 per 1 above 2;", 2, 35, "needs a `cap`");
        failsAt("feature amount weight 10;", 1, 26, "a model needs a threshold");
        failsAt("threshold 70;\nfeature amount weight 10.0005;", 2, 23, "at most three decimals");
        failsAt("threshold 70;\nfeature amount weight 0;", 2, 23, "a weight must be greater than 0");
        failsAt("threshold 70;\nfeature amount weight 5;\n  feature amount weight 6;", 3, 11, "feature amount is already scored at line 2");
        failsAt("threshold 70;\nfeature amount weight 5 when amount > 3;", 2, 30, "compares the feature's `value`");
        failsAt("threshold 70;\nrule amount weight 5;", 2, 1, "expected `threshold` or `feature`");
        failsAt("threshold 70; threshold 60;", 1, 15, "the threshold is already set");
        failsAt("threshold 70;\nfeature amount weight 5 # 3;", 2, 25, "unexpected character `#`");
    }

    @Test
    void sameMeaningIsTheSameVersion() {
        RiskModel a = parse("threshold 70;\nfeature new_device weight 20 when value == 1;\nfeature amount_vs_usual weight 10 per 1.0 above 2 cap 40;");
        RiskModel b = parse("// reordered, reformatted\nfeature amount_vs_usual   weight 10.000 per 1 above 2.0 cap 40 ;\n"
                + "-- a comment\nfeature new_device weight 20 when value == 1.0; threshold 70.0;");
        assertThat(b.hash()).isEqualTo(a.hash());
        assertThat(a.canonical()).isEqualTo("threshold 70;\nfeature amount_vs_usual weight 10 per 1 above 2 cap 40;\n"
                + "feature new_device weight 20 cap 20 when value == 1;\n");
        assertThat(a.featureDefinitions()).isEqualTo("amount_vs_usual@1\nnew_device@1\n");
        assertThat(parse("threshold 71;\nfeature new_device weight 20 when value == 1;\nfeature amount_vs_usual weight 10 per 1.0 above 2 cap 40;")
                .hash()).isNotEqualTo(a.hash());
    }

    @Test
    void contributionsAreCappedAndNeverNegative() {
        RiskModel m = parse("threshold 50;\nfeature amount_vs_usual weight 10 per 1 above 2 cap 35;\n"
                + "feature hour_of_day weight 15 cap 10 when value < 6 or value >= 23 and value <= 23;");
        RiskModel.Term graded = m.terms().get(0);
        assertThat(graded.contribution(null)).isZero();
        assertThat(graded.contribution(1_500L)).isZero();
        assertThat(graded.contribution(2_999L)).isZero();
        assertThat(graded.contribution(3_000L)).isEqualTo(10_000L);
        assertThat(graded.contribution(5_999L)).isEqualTo(30_000L);
        assertThat(graded.contribution(6_000L)).isEqualTo(35_000L);
        assertThat(graded.contribution(Long.MAX_VALUE)).isEqualTo(35_000L);
        RiskModel.Term flat = m.terms().get(1);
        assertThat(flat.cap()).isEqualTo(10_000L);
        assertThat(flat.contribution(3_000L)).isEqualTo(10_000L);
        assertThat(flat.contribution(23_000L)).isEqualTo(10_000L);
        assertThat(flat.contribution(12_000L)).isZero();
        assertThat(m.maxScore()).isEqualTo(45_000L);
    }
}
