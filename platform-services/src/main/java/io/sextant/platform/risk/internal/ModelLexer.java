package io.sextant.platform.risk.internal;

import io.sextant.platform.risk.Fixed;
import io.sextant.platform.risk.ModelSyntaxException;
import java.math.BigDecimal;

/** Tokens of the risk model language with their positions; comments ({@code //}, {@code --}) and blanks are skipped. */
final class ModelLexer {

    record Token(String text, Kind kind, int offset, int line, int column) {

        boolean is(String word) {
            return kind != Kind.END && text.equals(word);
        }

        boolean isIdentifier() {
            return kind == Kind.WORD;
        }

        String describe() {
            return kind == Kind.END ? "the end of the text" : "`" + text + "`";
        }
    }

    enum Kind { WORD, NUMBER, SYMBOL, END }

    private final String src;
    private int pos;
    private int line = 1;
    private int lineStart;
    private Token peeked;
    private Token last;

    ModelLexer(String source) {
        this.src = source;
    }

    boolean atEnd() {
        return peek().kind() == Kind.END;
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        last = t;
        return t;
    }

    Token last() {
        return last;
    }

    Token endToken() {
        return new Token("", Kind.END, src.length(), line, src.length() - lineStart + 1);
    }

    void expect(String symbol, String where) {
        Token t = peek();
        if (!t.is(symbol)) {
            // a missing `;` is reported at the end of what came before, where it belongs
            Token at = last != null && t.line() > last.line() ? after(last) : t;
            throw error("expected `" + symbol + "` " + where + ", found " + t.describe(), at);
        }
        next();
    }

    void expectWord(String word, String where) {
        Token t = next();
        if (!t.is(word)) {
            throw error("expected `" + word + "` " + where + ", found " + t.describe(), t);
        }
    }

    long number(String what) {
        Token t = next();
        if (t.kind() != Kind.NUMBER) {
            throw error("expected " + what + ", found " + t.describe(), t);
        }
        try {
            return Fixed.thousandths(new BigDecimal(t.text()), "A number");
        } catch (IllegalArgumentException e) {
            throw error("`" + t.text() + "`: numbers take at most three decimals", t);
        }
    }

    ModelSyntaxException error(String problem, Token at) {
        return new ModelSyntaxException(problem, at.line(), at.column(), at.offset(), Math.max(1, at.text().length()));
    }

    private static Token after(Token t) {
        return new Token("", Kind.END, t.offset() + t.text().length(), t.line(), t.column() + t.text().length());
    }

    private Token scan() {
        skipBlanks();
        if (pos >= src.length()) {
            return endToken();
        }
        int start = pos;
        int col = pos - lineStart + 1;
        char c = src.charAt(pos);
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(src.substring(start, pos), Kind.WORD, start, line, col);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            String text = src.substring(start, pos);
            if (text.endsWith(".") || text.indexOf('.') != text.lastIndexOf('.')) {
                throw new ModelSyntaxException("`" + text + "` is not a number", line, col, start, text.length());
            }
            return new Token(text, Kind.NUMBER, start, line, col);
        }
        for (String op : new String[] {"==", "!=", "<=", ">="}) {
            if (src.startsWith(op, pos)) {
                pos += 2;
                return new Token(op, Kind.SYMBOL, start, line, col);
            }
        }
        if ("<>=;".indexOf(c) >= 0) {
            pos++;
            return new Token(String.valueOf(c), Kind.SYMBOL, start, line, col);
        }
        throw new ModelSyntaxException("unexpected character `" + c + "`", line, col, start, 1);
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos) || src.startsWith("--", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }
}
