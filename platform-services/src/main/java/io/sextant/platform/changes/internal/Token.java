package io.sextant.platform.changes.internal;

/**
 * One lexical token of a SQL script. Comments and white space never become tokens, so rules can
 * never match inside them; strings and quoted identifiers are single tokens, so rules can never
 * match inside those either.
 *
 * @param kind  what the token is
 * @param text  the exact source text
 * @param value a lower-cased word for {@link Kind#WORD}, the unquoted name for {@link Kind#QUOTED_IDENT},
 *              otherwise the source text
 * @param start offset of the first character in the script
 */
public record Token(Kind kind, String text, String value, int start) {

    /** Token kinds; keywords are plain words because PostgreSQL's keywords are mostly unreserved. */
    public enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, PARAM, PUNCT, SEMICOLON }

    public int end() {
        return start + text.length();
    }

    public boolean isWord(String lowerCase) {
        return kind == Kind.WORD && value.equals(lowerCase);
    }

    public boolean isPunct(String p) {
        return kind == Kind.PUNCT && text.equals(p);
    }

    /** True for things that can name a relation or column: a bare word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
    }
}
