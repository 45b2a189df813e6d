package io.sextant.platform.changes.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups tokens into statements. A semicolon ends a statement unless it is inside a SQL-standard
 * function body ({@code BEGIN ATOMIC … END}), where CASE … END and nested BEGIN … END blocks are
 * counted so the body's own END is found.
 */
public final class ScriptSplitter {

    private ScriptSplitter() {
    }

    public static List<Statement> split(String script) {
        List<Token> all = Lexer.tokenize(script);
        LineIndex lines = new LineIndex(script);
        List<Statement> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int atomicDepth = 0;
        for (int i = 0; i < all.size(); i++) {
            Token t = all.get(i);
            if (t.kind() == Token.Kind.SEMICOLON && atomicDepth == 0) {
                flush(current, lines, out);
                current = new ArrayList<>();
                continue;
            }
            if (t.kind() == Token.Kind.WORD) {
                if (atomicDepth == 0 && t.value().equals("begin") && i + 1 < all.size()
                        && all.get(i + 1).isWord("atomic") && isRoutine(current)) {
                    atomicDepth = 1;
                } else if (atomicDepth > 0 && (t.value().equals("case") || t.value().equals("begin"))) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && t.value().equals("end")) {
                    atomicDepth--;
                }
            }
            current.add(t);
        }
        flush(current, lines, out);
        return out;
    }

    private static boolean isRoutine(List<Token> tokens) {
        return !tokens.isEmpty() && tokens.getFirst().isWord("create")
                && tokens.stream().anyMatch(t -> t.isWord("function") || t.isWord("procedure"));
    }

    private static void flush(List<Token> tokens, LineIndex lines, List<Statement> out) {
        if (tokens.isEmpty()) return;
        int start = tokens.getFirst().start();
        int end = tokens.getLast().end();
        out.add(new Statement(out.size(), lines.source().substring(start, end), start, lines.line(start),
                lines.column(start), List.copyOf(tokens), lines));
    }
}
