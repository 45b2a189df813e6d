package io.sextant.platform.changes.internal;

import io.sextant.platform.changes.internal.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL lexer just precise enough to find statement boundaries and keywords: it knows
 * every way PostgreSQL hides a semicolon or a keyword (strings with {@code ''}, E-strings with
 * backslash escapes, dollar quoting with optional tags, quoted identifiers, {@code --} and nested
 * block comments). An unterminated string or comment runs to the end of the script, as it would
 * for the server, which then reports the syntax error.
 */
public final class Lexer {

    private final String src;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String src) {
        this.src = src;
    }

    public static List<Token> tokenize(String src) {
        Lexer lexer = new Lexer(src);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < n && src.charAt(pos) != '\n') pos++;
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '\'') {
                quoted(pos, '\'', false, Kind.STRING);
            } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
                quoted(pos, '\'', true, Kind.STRING);
            } else if (c == '"') {
                quoted(pos, '"', false, Kind.QUOTED_IDENT);
            } else if (c == '$' && dollarTagEnd() > 0) {
                dollarString();
            } else if (c == '$' && Character.isDigit(peek(1))) {
                int s = pos++;
                while (pos < n && Character.isDigit(src.charAt(pos))) pos++;
                add(Kind.PARAM, s);
            } else if (Character.isLetter(c) || c == '_') {
                int s = pos++;
                while (pos < n && isIdentPart(src.charAt(pos))) pos++;
                add(Kind.WORD, s);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
                int s = pos++;
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
                add(Kind.NUMBER, s);
            } else if (c == ';') {
                tokens.add(new Token(Kind.SEMICOLON, ";", ";", pos++));
            } else if (c == ':' && peek(1) == ':') {
                pos += 2;
                add(Kind.PUNCT, pos - 2);
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), String.valueOf(c), pos++));
            }
        }
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void add(Kind kind, int start) {
        String text = src.substring(start, pos);
        String value = kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
        tokens.add(new Token(kind, text, value, start));
    }

    private void blockComment() {
        int depth = 0;
        int n = src.length();
        while (pos < n) {
            if (src.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (src.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) return;
            } else {
                pos++;
            }
        }
    }

    /** Strings and quoted identifiers: a doubled quote is an escaped quote; E-strings also escape with a backslash. */
    private void quoted(int start, char quote, boolean backslashEscapes, Kind kind) {
        pos = start + (backslashEscapes ? 2 : 1);
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (peek(1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    break;
                }
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, n);
        String text = src.substring(start, pos);
        String value = kind == Kind.QUOTED_IDENT
                ? text.substring(1, Math.max(1, text.length() - (text.endsWith("\"") && text.length() > 1 ? 1 : 0))).replace("\"\"", "\"")
                : text;
        tokens.add(new Token(kind, text, value, start));
    }

    /** Length of a dollar-quote delimiter ({@code $$} or {@code $tag$}) at pos, or 0 if there is none. */
    private int dollarTagEnd() {
        int i = pos + 1;
        int n = src.length();
        if (i < n && (Character.isLetter(src.charAt(i)) || src.charAt(i) == '_')) {
            while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) i++;
        }
        return i < n && src.charAt(i) == '$' ? i + 1 - pos : 0;
    }

    private void dollarString() {
        int start = pos;
        String delimiter = src.substring(pos, pos + dollarTagEnd());
        int close = src.indexOf(delimiter, pos + delimiter.length());
        pos = close < 0 ? src.length() : close + delimiter.length();
        tokens.add(new Token(Kind.STRING, src.substring(start, pos), src.substring(start, pos), start));
    }
}
