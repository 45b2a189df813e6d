package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.SqlStatement;
import java.util.List;

/**
 * A statement with its tokens, for the rules. Token helpers look only at words and punctuation,
 * never at string or comment contents.
 */
public record Statement(int index, String text, int offset, int line, int column, List<Token> tokens,
                        LineIndex lines) {

    public SqlStatement toPublic() {
        return new SqlStatement(index, text, offset, line, column);
    }

    public int size() {
        return tokens.size();
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    /** The lower-cased word at i, or "" if there is none or it is not a bare word. */
    public String word(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD ? tokens.get(i).value() : "";
    }

    /** True if the words at i, i+1, … are exactly {@code words}. */
    public boolean wordsAt(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!word(i + k).equals(words[k])) return false;
        }
        return true;
    }

    public boolean startsWith(String... words) {
        return wordsAt(0, words);
    }

    /** First index ≥ from where {@code words} occur at parenthesis depth 0, or -1. */
    public int find(int from, String... words) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) depth++;
            else if (t.isPunct(")")) depth--;
            else if (i >= from && depth == 0 && wordsAt(i, words)) return i;
        }
        return -1;
    }

    public boolean contains(String... words) {
        return find(0, words) >= 0;
    }

    /** Index after a possibly qualified name (a.b.c) starting at i. */
    public int skipName(int i) {
        int j = i;
        if (j < size() && token(j).isIdentifier()) j++;
        while (j + 1 < size() && token(j).isPunct(".") && token(j + 1).isIdentifier()) j += 2;
        return j;
    }

    /** The possibly qualified name starting at i as written, unquoted parts joined by dots. */
    public String nameAt(int i) {
        StringBuilder sb = new StringBuilder();
        int end = skipName(i);
        for (int j = i; j < end; j++) {
            Token t = token(j);
            sb.append(t.kind() == Token.Kind.QUOTED_IDENT ? t.value() : t.isPunct(".") ? "." : t.text());
        }
        return sb.toString();
    }

    /** Index of the token closing the parenthesis opened at i (or the last token). */
    public int closeParen(int open) {
        int depth = 0;
        for (int i = open; i < size(); i++) {
            if (token(i).isPunct("(")) depth++;
            else if (token(i).isPunct(")") && --depth == 0) return i;
        }
        return size() - 1;
    }

    public int lineOf(int tokenIndex) {
        return lines.line(token(tokenIndex).start());
    }

    public int columnOf(int tokenIndex) {
        return lines.column(token(tokenIndex).start());
    }

    /** Source text between two token indices (inclusive), as written. */
    public String source(int from, int to) {
        if (from > to || from >= size()) return "";
        return lines.source().substring(token(from).start(), token(Math.min(to, size() - 1)).end());
    }
}
