package io.sextant.platform.risk.internal;

import io.sextant.platform.risk.FeatureInfo;
import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.ModelSyntaxException;
import io.sextant.platform.risk.RiskModel;
import io.sextant.platform.risk.RiskModel.Comparison;
import io.sextant.platform.risk.RiskModel.Condition;
import io.sextant.platform.risk.RiskModel.Term;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The risk model language (docs/risk-models.md): {@code threshold N;} and one
 * {@code feature NAME weight W [per S above B] [cap C] [when value OP N [and|or …]];} per feature.
 * Every error names its line and column.
 */
public final class ModelParser {

    private static final Set<String> OPS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final ModelLexer lex;
    private final Map<String, FeatureInfo> features;

    private ModelParser(String source, Map<String, FeatureInfo> features) {
        this.lex = new ModelLexer(source);
        this.features = features;
    }

    public static RiskModel parse(String source, Map<String, FeatureInfo> features) {
        return new ModelParser(source, features).model();
    }

    private RiskModel model() {
        Long threshold = null;
        Map<String, Term> terms = new LinkedHashMap<>();
        while (!lex.atEnd()) {
            ModelLexer.Token t = lex.next();
            if (t.is("threshold")) {
                if (threshold != null) {
                    throw lex.error("the threshold is already set", t);
                }
                threshold = positive(lex.number("a threshold (the score at which a request is flagged)"), "the threshold");
                lex.expect(";", "after the threshold");
            } else if (t.is("feature")) {
                Term term = term(t);
                Term before = terms.putIfAbsent(term.feature(), term);
                if (before != null) {
                    throw new ModelSyntaxException("feature " + term.feature() + " is already scored at line " + before.line()
                            + "; one line per feature", term.line(), term.column(), 0, term.feature().length());
                }
            } else {
                throw lex.error("expected `threshold` or `feature`, found " + t.describe(), t);
            }
        }
        if (threshold == null) {
            throw lex.error("a model needs a threshold: add `threshold 70;`", lex.endToken());
        }
        if (terms.isEmpty()) {
            throw lex.error("a model needs at least one `feature … weight …;` line", lex.endToken());
        }
        List<Term> sorted = terms.values().stream().sorted(Comparator.comparing(Term::feature)).toList();
        String canonical = "threshold " + Fixed.format(threshold) + ";\n" + sorted.stream().map(ModelParser::canonical).collect(Collectors.joining());
        String defs = sorted.stream().map(x -> features.get(x.feature())).map(f -> f.name() + "@" + f.version() + "\n").collect(Collectors.joining());
        return new RiskModel(sha256(canonical + "--features\n" + defs), canonical, defs, threshold, sorted);
    }

    private Term term(ModelLexer.Token start) {
        ModelLexer.Token name = lex.next();
        if (!name.isIdentifier()) {
            throw lex.error("expected a feature name after `feature`, found " + name.describe(), name);
        }
        FeatureInfo info = features.get(name.text());
        if (info == null) {
            throw lex.error("unknown feature " + name.text() + "; known features: " + String.join(", ", features.keySet().stream().sorted().toList()), name);
        }
        lex.expectWord("weight", "after the feature name (e.g. `feature " + name.text() + " weight 20;`)");
        long weight = positive(lex.number("a weight"), "a weight");
        Long per = null;
        Long above = null;
        Long cap = null;
        ModelLexer.Token perToken = null;
        if (lex.peek().is("per")) {
            perToken = lex.next();
            per = positive(lex.number("a step after `per`"), "a step");
            lex.expectWord("above", "after `per " + Fixed.format(per) + "` (e.g. `per 1 above 2`)");
            above = lex.number("a base value after `above`");
        }
        if (lex.peek().is("cap")) {
            lex.next();
            cap = positive(lex.number("a cap"), "a cap");
        }
        if (per != null && cap == null) {
            throw lex.error("a graded term (`per … above …`) needs a `cap`, so that its contribution has a maximum", perToken);
        }
        Condition condition = null;
        if (lex.peek().is("when")) {
            lex.next();
            condition = condition();
        }
        lex.expect(";", "at the end of the feature line");
        long effectiveCap = per == null ? Math.min(weight, cap == null ? weight : cap) : cap;
        return new Term(info.name(), info.stage(), weight, per, above, effectiveCap, condition, name.line(), name.column());
    }

    private Condition condition() {
        List<List<Comparison>> any = new ArrayList<>();
        List<Comparison> all = new ArrayList<>();
        all.add(comparison());
        while (lex.peek().is("and") || lex.peek().is("or")) {
            if (lex.next().is("or")) {
                any.add(List.copyOf(all));
                all = new ArrayList<>();
            }
            all.add(comparison());
        }
        any.add(List.copyOf(all));
        return new Condition(List.copyOf(any));
    }

    private Comparison comparison() {
        ModelLexer.Token v = lex.next();
        if (!v.is("value")) {
            throw lex.error("a condition compares the feature's `value`, e.g. `when value >= 3`; found " + v.describe(), v);
        }
        ModelLexer.Token op = lex.next();
        if (op.is("=")) {
            throw lex.error("use `==` to compare", op);
        }
        if (!OPS.contains(op.text())) {
            throw lex.error("expected a comparison (== != < <= > >=) after `value`, found " + op.describe(), op);
        }
        return new Comparison(op.text(), lex.number("a number to compare with"));
    }

    private long positive(long v, String what) {
        if (v <= 0) {
            throw lex.error(what + " must be greater than 0", lex.last());
        }
        return v;
    }

    private static String canonical(Term t) {
        StringBuilder b = new StringBuilder("feature ").append(t.feature()).append(" weight ").append(Fixed.format(t.weight()));
        if (t.per() != null) {
            b.append(" per ").append(Fixed.format(t.per())).append(" above ").append(Fixed.format(t.above()));
        }
        b.append(" cap ").append(Fixed.format(t.cap()));
        if (t.condition() != null) {
            b.append(" when ").append(t.condition().anyOf().stream()
                    .map(all -> all.stream().map(c -> "value " + c.op() + " " + Fixed.format(c.literal())).collect(Collectors.joining(" and ")))
                    .collect(Collectors.joining(" or ")));
        }
        return b.append(";\n").toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
