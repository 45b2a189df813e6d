package io.sextant.platform.authz;

import io.sextant.platform.authz.PolicyExpr.And;
import io.sextant.platform.authz.PolicyExpr.Call;
import io.sextant.platform.authz.PolicyExpr.Compare;
import io.sextant.platform.authz.PolicyExpr.In;
import io.sextant.platform.authz.PolicyExpr.InNetwork;
import io.sextant.platform.authz.PolicyExpr.IsNull;
import io.sextant.platform.authz.PolicyExpr.Literal;
import io.sextant.platform.authz.PolicyExpr.Not;
import io.sextant.platform.authz.PolicyExpr.Or;
import io.sextant.platform.authz.PolicyExpr.Path;
import io.sextant.platform.authz.PolicyExpr.Pos;
import io.sextant.platform.authz.PolicyExpr.Truth;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses and checks the policy language (docs/policy-language.md). Errors carry the line and
 * column where they were found. With table schemas, every {@code resource.x} is checked against
 * the columns of the tables the rule covers; custom claims must be declared in a
 * {@code claims { name: type, … }} block.
 */
public final class PolicyParser {

    static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    static final Pattern CANONICAL_UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> KEYWORDS = Set.of("rule", "permit", "forbid", "on", "when", "unless", "and", "or", "not",
            "in", "is", "null", "true", "false", "claims", "network", "all");
    private static final Set<String> PRINCIPAL_ATTRIBUTES = Set.of("id", "role", "tenant");
    private static final Map<String, ValueType> CONTEXT_ATTRIBUTES = Map.of("time", ValueType.TIMESTAMP, "ip", ValueType.INET,
            "risk", ValueType.NUMBER);

    private final String src;
    private final List<Token> tokens;
    private final Map<String, TableSchema> tables;
    private int at;

    private PolicyParser(String src, Map<String, TableSchema> tables) {
        this.src = src;
        this.tables = tables;
        this.tokens = lex(src);
    }

    /** Parses a policy without table schemas: resource attributes are typed by what they are compared with. */
    public static Policy parse(String source) {
        return parse(source, List.of());
    }

    /** Parses a policy and checks its resource attributes against these tables. */
    public static Policy parse(String source, List<TableSchema> tables) {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        return new PolicyParser(source, byName).policy();
    }

    // ---------------------------------------------------------------- lexer

    private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int offset, int line, int column) {
        int end() {
            return offset + Math.max(1, text.length());
        }
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lineStart = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int col = i - lineStart + 1;
            if ((c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') || (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-')) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= s.length() || s.charAt(j) == '\n') {
                        throw new PolicySyntaxException("unterminated string", line, col, i, j - i);
                    }
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < s.length()) {
                        b.append(s.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        break;
                    }
                    b.append(d);
                    j++;
                }
                out.add(new Token(Kind.STRING, b.toString(), i, line, col));
                i = j + 1;
                continue;
            }
            if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j), i, line, col));
                i = j;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, j), i, line, col));
                i = j;
                continue;
            }
            String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
            if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
                out.add(new Token(Kind.SYMBOL, two, i, line, col));
                i += 2;
                continue;
            }
            if ("(){}[],;:.*<>".indexOf(c) >= 0) {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, line, col));
                i++;
                continue;
            }
            if (c == '=') {
                throw new PolicySyntaxException("use == to compare", line, col, i, 1);
            }
            throw new PolicySyntaxException("unexpected character '" + c + "'", line, col, i, 1);
        }
        out.add(new Token(Kind.END, "", s.length(), line, s.length() - lineStart + 1));
        return out;
    }

    // ---------------------------------------------------------------- parser

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean isWord(String w) {
        Token t = peek();
        return t.kind == Kind.WORD && t.text.equalsIgnoreCase(w);
    }

    private boolean isSymbol(String s) {
        Token t = peek();
        return t.kind == Kind.SYMBOL && t.text.equals(s);
    }

    private PolicySyntaxException error(Token t, String problem) {
        return new PolicySyntaxException(problem, t.line, t.column, t.offset, t.text.length());
    }

    private PolicySyntaxException error(Pos p, String problem) {
        return new PolicySyntaxException(problem, p.line(), p.column(), p.offset(), p.end() - p.offset());
    }

    private String describe(Token t) {
        return t.kind == Kind.END ? "the end of the policy" : "'" + t.text + "'";
    }

    private Token expectSymbol(String s, String context) {
        if (!isSymbol(s)) {
            throw error(peek(), "expected '" + s + "' " + context + ", found " + describe(peek()));
        }
        return next();
    }

    private void expectWord(String w, String context) {
        if (!isWord(w)) {
            throw error(peek(), "expected '" + w + "' " + context + ", found " + describe(peek()));
        }
        next();
    }

    private String identifier(String what) {
        Token t = peek();
        boolean keywordAllowed = what.equals("action") || what.equals("an attribute name") || what.equals("a claim name");
        if (t.kind != Kind.WORD || KEYWORDS.contains(t.text.toLowerCase(java.util.Locale.ROOT)) && !keywordAllowed) {
            throw error(t, "expected " + what + ", found " + describe(t));
        }
        if (!IDENT.matcher(t.text).matches()) {
            throw error(t, what + " '" + t.text + "' must be lower case letters, digits and underscores");
        }
        return next().text;
    }

    private Pos pos(Token t) {
        return new Pos(t.offset, t.end(), t.line, t.column);
    }

    private Pos span(Token from) {
        Token last = tokens.get(Math.max(0, at - 1));
        return new Pos(from.offset, Math.max(from.end(), last.end()), from.line, from.column);
    }

    private record RawRule(String name, Token nameToken, boolean permit, List<String> actions, List<Token> actionTokens, String target,
            Token targetToken, @Nullable PolicyExpr condition, boolean unless, Token start) {
    }

    private Policy policy() {
        Map<String, ValueType> claims = new LinkedHashMap<>();
        List<RawRule> raw = new ArrayList<>();
        while (peek().kind != Kind.END) {
            if (isWord("claims")) {
                claims(claims);
            } else {
                raw.add(rule(raw.size() + 1));
            }
        }
        if (raw.isEmpty()) {
            // An empty policy is legal: it denies everything.
        }
        Set<String> names = new HashSet<>();
        List<PolicyRule> rules = new ArrayList<>();
        for (RawRule r : raw) {
            if (!names.add(r.name)) {
                throw error(r.nameToken, "a rule named '" + r.name + "' already exists");
            }
            List<TableSchema> covered = coveredTables(r);
            PolicyExpr cond = r.condition == null ? null : new Checker(claims, covered, r.target).check(r.condition, true);
            rules.add(new PolicyRule(r.name, r.permit, List.copyOf(r.actions), r.target, cond, r.unless, r.start.line, r.start.column,
                    ""));
        }
        return assemble(claims, rules);
    }

    private void claims(Map<String, ValueType> claims) {
        next();
        expectSymbol("{", "after 'claims'");
        while (!isSymbol("}")) {
            Token nameTok = peek();
            String name = identifier("a claim name");
            if (Set.of("sub", "role").contains(name)) {
                throw error(nameTok, "'" + name + "' is built in: use principal." + (name.equals("sub") ? "id" : "role"));
            }
            if (claims.containsKey(name)) {
                throw error(nameTok, "claim '" + name + "' is declared twice");
            }
            expectSymbol(":", "after the claim name");
            Token typeTok = peek();
            String type = identifier("a type (text, number, bool, uuid, text[] or uuid[])");
            boolean list = false;
            if (isSymbol("[")) {
                next();
                expectSymbol("]", "to close the list type");
                list = true;
            }
            ValueType vt = switch (type + (list ? "[]" : "")) {
                case "text" -> ValueType.TEXT;
                case "number" -> ValueType.NUMBER;
                case "bool" -> ValueType.BOOL;
                case "uuid" -> ValueType.UUID;
                case "text[]" -> ValueType.TEXT_LIST;
                case "uuid[]" -> ValueType.UUID_LIST;
                default -> throw error(typeTok, "unknown claim type '" + type + (list ? "[]" : "")
                        + "': use text, number, bool, uuid, text[] or uuid[]");
            };
            claims.put(name, vt);
            if (isSymbol(",")) {
                next();
            } else if (!isSymbol("}")) {
                throw error(peek(), "expected ',' or '}' in the claims block, found " + describe(peek()));
            }
        }
        next();
        if (isSymbol(";")) {
            next();
        }
    }

    private RawRule rule(int index) {
        Token start = peek();
        String name = "rule_" + index;
        Token nameToken = start;
        if (isWord("rule")) {
            next();
            nameToken = peek();
            name = identifier("a rule name");
            expectSymbol(":", "after the rule name");
        }
        Token effect = peek();
        boolean permit;
        if (isWord("permit")) {
            permit = true;
        } else if (isWord("forbid")) {
            permit = false;
        } else {
            throw error(effect, "expected 'permit' or 'forbid' to start a rule, found " + describe(effect));
        }
        next();
        List<String> actions = new ArrayList<>();
        List<Token> actionTokens = new ArrayList<>();
        do {
            Token t = peek();
            actionTokens.add(t);
            if (isWord("all")) {
                next();
                for (String a : List.of("select", "insert", "update", "delete")) {
                    if (!actions.contains(a)) {
                        actions.add(a);
                    }
                }
                continue;
            }
            StringBuilder a = new StringBuilder(identifier("an action (select, insert, update, delete, all or an API action such as projects.export)"));
            while (isSymbol(".")) {
                next();
                a.append('.').append(identifier("the rest of the API action name"));
            }
            String action = a.toString();
            if (!action.contains(".") && !PolicyRule.SQL_ACTIONS.contains(action)) {
                throw error(t, "unknown action '" + action + "': use select, insert, update, delete, all, or a dotted API action");
            }
            if (actions.contains(action)) {
                throw error(t, "action '" + action + "' is listed twice");
            }
            actions.add(action);
        } while (isSymbol(",") && next() != null);
        expectWord("on", "after the actions");
        Token targetToken = peek();
        String target;
        if (isSymbol("*")) {
            next();
            target = "*";
        } else {
            target = identifier("a table or resource type, or *");
        }
        if (target.equals("*") && actions.stream().anyMatch(a -> a.contains("."))) {
            throw error(targetToken, "API actions need a named resource type, not *");
        }
        PolicyExpr cond = null;
        boolean unless = false;
        if (isWord("when") || isWord("unless")) {
            unless = isWord("unless");
            next();
            cond = or();
        }
        if (!isSymbol(";")) {
            throw error(peek(), "expected ';' to end the rule" + (cond == null ? " (or 'when'/'unless' and a condition)" : "")
                    + ", found " + describe(peek()));
        }
        next();
        return new RawRule(name, nameToken, permit, actions, actionTokens, target, targetToken, cond, unless, start);
    }

    private List<TableSchema> coveredTables(RawRule r) {
        if (tables.isEmpty()) {
            return List.of();
        }
        if (r.target.equals("*")) {
            return List.copyOf(tables.values());
        }
        TableSchema t = tables.get(r.target);
        if (t == null) {
            if (r.actions.stream().anyMatch(PolicyRule.SQL_ACTIONS::contains)) {
                throw error(r.targetToken, "unknown table '" + r.target + "'; known: " + String.join(", ", tables.keySet()));
            }
            return List.of();
        }
        return List.of(t);
    }

    private PolicyExpr or() {
        Token start = peek();
        PolicyExpr left = and();
        while (isWord("or")) {
            next();
            PolicyExpr right = and();
            left = new Or(span(start), left, right);
        }
        return left;
    }

    private PolicyExpr and() {
        Token start = peek();
        PolicyExpr left = not();
        while (isWord("and")) {
            next();
            PolicyExpr right = not();
            left = new And(span(start), left, right);
        }
        return left;
    }

    private PolicyExpr not() {
        Token start = peek();
        if (isWord("not")) {
            next();
            PolicyExpr operand = not();
            return new Not(span(start), operand);
        }
        return comparison();
    }

    private PolicyExpr comparison() {
        Token start = peek();
        PolicyExpr left = operand();
        Token op = peek();
        if (op.kind == Kind.SYMBOL && Set.of("==", "!=", "<", "<=", ">", ">=").contains(op.text)) {
            next();
            PolicyExpr right = operand();
            return new Compare(span(start), op.text, left, right);
        }
        if (isWord("is")) {
            next();
            boolean negated = false;
            if (isWord("not")) {
                next();
                negated = true;
            }
            expectWord("null", "after 'is'" + (negated ? " not" : ""));
            return new IsNull(span(start), left, negated);
        }
        if (isWord("in")) {
            next();
            if (isWord("network")) {
                next();
                Token cidr = peek();
                if (cidr.kind != Kind.STRING) {
                    throw error(cidr, "expected a network such as \"10.0.0.0/8\" after 'in network'");
                }
                next();
                try {
                    Values.parseCidr(cidr.text);
                } catch (IllegalArgumentException e) {
                    throw error(cidr, "not a network: \"" + cidr.text + "\" (" + e.getMessage() + ")");
                }
                return new InNetwork(span(start), left, cidr.text);
            }
            if (isSymbol("[")) {
                next();
                List<Literal> items = new ArrayList<>();
                while (true) {
                    PolicyExpr item = operand();
                    if (!(item instanceof Literal l) || l.value() == null) {
                        throw error(item.pos(), "a list holds literal values (no paths, no null)");
                    }
                    items.add(l);
                    if (isSymbol(",")) {
                        next();
                        continue;
                    }
                    expectSymbol("]", "to close the list");
                    break;
                }
                return new In(span(start), left, items, null);
            }
            PolicyExpr list = operand();
            if (!(list instanceof Path p)) {
                throw error(list.pos(), "expected a list [a, b] or a list-valued claim after 'in'");
            }
            return new In(span(start), left, List.of(), p);
        }
        if (!(left instanceof Path || left instanceof Literal || left instanceof Call)) {
            return left; // a parenthesised condition
        }
        return new Truth(left.pos(), left);
    }

    private PolicyExpr operand() {
        Token t = peek();
        if (isSymbol("(")) {
            next();
            PolicyExpr inner = or();
            expectSymbol(")", "to close '('");
            return inner;
        }
        if (t.kind == Kind.STRING) {
            next();
            return new Literal(pos(t), t.text, ValueType.TEXT);
        }
        if (t.kind == Kind.NUMBER) {
            next();
            try {
                return new Literal(pos(t), new BigDecimal(t.text), ValueType.NUMBER);
            } catch (NumberFormatException e) {
                throw error(t, "not a number: " + t.text);
            }
        }
        if (t.kind == Kind.WORD) {
            String w = t.text.toLowerCase(java.util.Locale.ROOT);
            switch (w) {
                case "true", "false" -> {
                    next();
                    return new Literal(pos(t), Boolean.valueOf(w), ValueType.BOOL);
                }
                case "null" -> throw error(t, "compare with null using 'is null' or 'is not null'");
                case "principal", "resource", "context" -> {
                    return path();
                }
                case "hour", "weekday" -> {
                    next();
                    expectSymbol("(", "after " + w);
                    PolicyExpr arg = operand();
                    expectSymbol(")", "to close " + w + "(");
                    return new Call(span(t), w, arg);
                }
                default -> throw error(t, "expected a value (principal.…, resource.…, context.…, a string, a number, true or false), found "
                        + describe(t));
            }
        }
        throw error(t, "expected a value, found " + describe(t));
    }

    private Path path() {
        Token root = next();
        expectSymbol(".", "after " + root.text);
        Token nameTok = peek();
        String name = identifier("an attribute name");
        if (root.text.equals("principal") && name.equals("claims")) {
            expectSymbol(".", "after principal.claims");
            name = identifier("a claim name");
            if (PRINCIPAL_ATTRIBUTES.contains(name)) {
                // principal.claims.id is not principal.id; keep them apart by refusing the ambiguous name.
                throw error(nameTok, "claim '" + name + "' clashes with principal." + name);
            }
            return new Path(span(root), "principal", name, ValueType.TEXT);
        }
        if (root.text.equals("principal") && !PRINCIPAL_ATTRIBUTES.contains(name)) {
            throw error(nameTok, "unknown principal attribute '" + name + "': use principal.id, principal.role, principal.tenant or principal.claims.<name>");
        }
        if (root.text.equals("context") && !CONTEXT_ATTRIBUTES.containsKey(name)) {
            throw error(nameTok, "unknown context attribute '" + name + "': use context.time, context.ip or context.risk");
        }
        return new Path(span(root), root.text, name, ValueType.TEXT);
    }

    // ---------------------------------------------------------------- type checking

    private final class Checker {
        private final Map<String, ValueType> claims;
        private final List<TableSchema> covered;
        private final String target;

        Checker(Map<String, ValueType> claims, List<TableSchema> covered, String target) {
            this.claims = claims;
            this.covered = covered;
            this.target = target;
        }

        PolicyExpr check(PolicyExpr e, boolean condition) {
            return switch (e) {
                case And a -> new And(a.pos(), check(a.left(), true), check(a.right(), true));
                case Or o -> new Or(o.pos(), check(o.left(), true), check(o.right(), true));
                case Not n -> new Not(n.pos(), check(n.operand(), true));
                case Truth t -> {
                    PolicyExpr v = value(t.value(), ValueType.BOOL);
                    if (type(v) != ValueType.BOOL) {
                        throw error(t.pos(), "a condition must be true or false, but " + text(t.value()) + " is " + type(v).word()
                                + "; compare it with something (==, !=, in, is null)");
                    }
                    yield new Truth(t.pos(), v);
                }
                case Compare c -> compare(c);
                case In in -> in(in);
                case InNetwork n -> {
                    PolicyExpr v = value(n.value(), ValueType.INET);
                    if (type(v) != ValueType.INET) {
                        throw error(n.value().pos(), "'in network' needs an address (context.ip or an inet column), not " + type(v).word());
                    }
                    yield new InNetwork(n.pos(), v, n.cidr());
                }
                case IsNull n -> new IsNull(n.pos(), value(n.value(), ValueType.TEXT), n.negated());
                case Path p -> throw error(p.pos(), "unexpected value");
                case Literal l -> throw error(l.pos(), "unexpected value");
                case Call c -> throw error(c.pos(), "unexpected value");
            };
        }

        private String text(PolicyExpr e) {
            return src.substring(e.pos().offset(), Math.min(src.length(), e.pos().end()));
        }

        /** Types a value; {@code hint} types untyped resource attributes (no schema). */
        PolicyExpr value(PolicyExpr e, ValueType hint) {
            return switch (e) {
                case Path p -> typedPath(p, hint);
                case Literal l -> l;
                case Call c -> {
                    PolicyExpr arg = value(c.argument(), ValueType.TIMESTAMP);
                    if (type(arg) != ValueType.TIMESTAMP) {
                        throw error(c.argument().pos(), c.function() + "() needs a time such as context.time, not " + type(arg).word());
                    }
                    yield new Call(c.pos(), c.function(), arg);
                }
                default -> throw error(e.pos(), "expected a value, found a condition");
            };
        }

        private Path typedPath(Path p, ValueType hint) {
            return switch (p.root()) {
                case "principal" -> {
                    if (p.name().equals("tenant")) {
                        yield new Path(p.pos(), "principal", "tenant", ValueType.UUID);
                    }
                    if (PRINCIPAL_ATTRIBUTES.contains(p.name())) {
                        yield new Path(p.pos(), "principal", p.name(), ValueType.TEXT);
                    }
                    ValueType t = claims.get(p.name());
                    if (t == null) {
                        throw error(p.pos(), "unknown claim '" + p.name() + "': declare it first, e.g. claims { " + p.name() + ": text }");
                    }
                    yield new Path(p.pos(), "principal", p.name(), t);
                }
                case "context" -> new Path(p.pos(), "context", p.name(), CONTEXT_ATTRIBUTES.get(p.name()));
                default -> {
                    if (covered.isEmpty()) {
                        yield new Path(p.pos(), "resource", p.name(), hint);
                    }
                    ValueType t = null;
                    for (TableSchema table : covered) {
                        ValueType c = table.columns().get(p.name());
                        if (c == null) {
                            throw error(p.pos(), "unknown column '" + p.name() + "' in table " + table.name()
                                    + (target.equals("*") ? " (rules on * may only use columns every table has)" : "")
                                    + "; columns: " + String.join(", ", table.columns().keySet()));
                        }
                        if (t != null && t != c) {
                            throw error(p.pos(), "column '" + p.name() + "' has different types in different tables; name the table instead of *");
                        }
                        t = c;
                    }
                    yield new Path(p.pos(), "resource", p.name(), t);
                }
            };
        }

        private boolean untypedResource(PolicyExpr e) {
            return covered.isEmpty() && e instanceof Path p && p.root().equals("resource");
        }

        private PolicyExpr compare(Compare c) {
            PolicyExpr l;
            PolicyExpr r;
            if (untypedResource(c.left()) && !untypedResource(c.right())) {
                r = value(c.right(), ValueType.TEXT);
                l = value(c.left(), literalHint(r));
            } else {
                l = value(c.left(), ValueType.TEXT);
                r = value(c.right(), literalHint(l));
            }
            l = coerceLiteral(l, r);
            r = coerceLiteral(r, l);
            ValueType lt = type(l);
            ValueType rt = type(r);
            if (lt.isList() || rt.isList()) {
                throw error(c.pos(), "a list cannot be compared with " + c.op() + "; use 'x in " + (lt.isList() ? text(c.left()) : text(c.right())) + "'");
            }
            boolean textUuid = (lt == ValueType.TEXT && rt == ValueType.UUID) || (lt == ValueType.UUID && rt == ValueType.TEXT);
            if (lt != rt && !textUuid) {
                throw error(c.pos(), "cannot compare " + text(c.left()) + " (" + lt.word() + ") with " + text(c.right()) + " (" + rt.word() + ")");
            }
            if (!c.op().equals("==") && !c.op().equals("!=") && lt != ValueType.NUMBER && lt != ValueType.TIMESTAMP) {
                throw error(c.pos(), "'" + c.op() + "' orders numbers and times only; " + text(c.left()) + " is " + lt.word());
            }
            if (l instanceof Literal && r instanceof Literal) {
                throw error(c.pos(), "this compares two constants; compare an attribute instead");
            }
            return new Compare(c.pos(), c.op(), l, r);
        }

        private ValueType literalHint(PolicyExpr other) {
            return type(other);
        }

        private PolicyExpr in(In in) {
            if (in.listPath() != null) {
                Path list = typedPath(in.listPath(), ValueType.TEXT_LIST);
                if (!list.type().isList()) {
                    throw error(list.pos(), text(in.listPath()) + " is " + list.type().word() + ", not a list; declare it as text[] or uuid[]");
                }
                PolicyExpr v = value(in.value(), list.type().element());
                ValueType vt = type(v);
                boolean ok = vt == list.type().element() || (vt == ValueType.TEXT && list.type() == ValueType.UUID_LIST)
                        || (vt == ValueType.UUID && list.type() == ValueType.TEXT_LIST);
                if (!ok) {
                    throw error(in.pos(), "cannot look for " + vt.word() + " in " + list.type().word());
                }
                return new In(in.pos(), v, List.of(), list);
            }
            ValueType hint = in.list().get(0).type();
            PolicyExpr v = value(in.value(), hint);
            ValueType vt = type(v);
            if (vt.isList() || vt == ValueType.BOOL) {
                throw error(in.value().pos(), "'in [...]' needs a text, number, uuid, time or address value, not " + vt.word());
            }
            List<Literal> items = new ArrayList<>();
            for (Literal l : in.list()) {
                PolicyExpr c = coerceLiteral(l, v);
                if (type(c) != vt && !(vt == ValueType.UUID && type(c) == ValueType.TEXT)) {
                    throw error(l.pos(), "list item " + text(l) + " is " + type(c).word() + " but " + text(in.value()) + " is " + vt.word());
                }
                items.add((Literal) c);
            }
            return new In(in.pos(), v, List.copyOf(items), null);
        }

        private PolicyExpr coerceLiteral(PolicyExpr e, PolicyExpr other) {
            if (!(e instanceof Literal l) || !(l.value() instanceof String s)) {
                return e;
            }
            ValueType want = type(other);
            try {
                return switch (want) {
                    case UUID -> {
                        if (!CANONICAL_UUID.matcher(s).matches()) {
                            throw error(l.pos(), "not a uuid in canonical lower-case form: \"" + s + "\"");
                        }
                        yield new Literal(l.pos(), java.util.UUID.fromString(s), ValueType.UUID);
                    }
                    case TIMESTAMP -> new Literal(l.pos(), Instant.parse(s), ValueType.TIMESTAMP);
                    case INET -> new Literal(l.pos(), Values.normaliseInet(s), ValueType.INET);
                    default -> l;
                };
            } catch (DateTimeParseException e1) {
                throw error(l.pos(), "not a time: \"" + s + "\" (use ISO-8601 in UTC, e.g. \"2026-01-31T09:00:00Z\")");
            } catch (IllegalArgumentException e2) {
                throw error(l.pos(), "not an address: \"" + s + "\"");
            }
        }
    }

    static ValueType type(PolicyExpr e) {
        return switch (e) {
            case Path p -> p.type();
            case Literal l -> l.type();
            case Call c -> ValueType.NUMBER;
            default -> ValueType.BOOL;
        };
    }

    // ---------------------------------------------------------------- canonical form and hash

    static Policy assemble(Map<String, ValueType> claims, List<PolicyRule> rules) {
        StringBuilder b = new StringBuilder();
        if (!claims.isEmpty()) {
            b.append("claims { ");
            List<String> parts = new ArrayList<>();
            claims.forEach((k, v) -> parts.add(k + ": " + v.word()));
            b.append(String.join(", ", parts)).append(" }\n");
        }
        List<PolicyRule> canonical = new ArrayList<>();
        for (PolicyRule r : rules) {
            String text = "rule " + r.name() + ": " + r.effectWord() + " " + String.join(", ", r.actions()) + " on " + r.target()
                    + (r.condition() == null ? "" : (r.unless() ? " unless " : " when ") + print(r.condition(), 0)) + ";";
            b.append(text).append('\n');
            canonical.add(new PolicyRule(r.name(), r.permit(), r.actions(), r.target(), r.condition(), r.unless(), r.line(), r.column(), text));
        }
        String text = b.toString();
        return new Policy(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims)), List.copyOf(canonical), text, sha256(text));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints an expression in canonical form; {@code outer} is the binding strength of the context (0 or, 1 and, 2 not). */
    public static String print(PolicyExpr e, int outer) {
        return switch (e) {
            case Or o -> wrap(print(o.left(), 1) + " or " + print(o.right(), 1), outer > 1);
            case And a -> wrap(print(a.left(), 2) + " and " + print(a.right(), 2), outer > 2);
            case Not n -> wrap("not " + print(n.operand(), 3), outer > 3);
            case Truth t -> print(t.value(), 4);
            case Compare c -> print(c.left(), 4) + " " + c.op() + " " + print(c.right(), 4);
            case In in -> print(in.value(), 4) + " in " + (in.listPath() != null ? print(in.listPath(), 4)
                    : "[" + String.join(", ", in.list().stream().map(l -> print(l, 4)).toList()) + "]");
            case InNetwork n -> print(n.value(), 4) + " in network " + quote(n.cidr());
            case IsNull n -> print(n.value(), 4) + (n.negated() ? " is not null" : " is null");
            case Call c -> c.function() + "(" + print(c.argument(), 0) + ")";
            case Path p -> p.text();
            case Literal l -> l.value() instanceof BigDecimal d ? d.toPlainString()
                    : l.value() instanceof Boolean bo ? bo.toString() : quote(String.valueOf(l.value()));
        };
    }

    private static String wrap(String s, boolean parens) {
        return parens ? "(" + s + ")" : s;
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
