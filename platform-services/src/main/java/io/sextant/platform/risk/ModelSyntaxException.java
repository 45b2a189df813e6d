package io.sextant.platform.risk;

/**
 * A model text that does not compile: the message says what is wrong, {@code line} and
 * {@code column} (1-based) and {@code offset}/{@code length} (0-based characters) say where.
 */
public final class ModelSyntaxException extends IllegalArgumentException {

    private final int line;
    private final int column;
    private final int offset;
    private final int length;

    public ModelSyntaxException(String problem, int line, int column, int offset, int length) {
        super("Line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.length = Math.max(1, length);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** The problem without its position. */
    public String problem() {
        String m = getMessage();
        return m.substring(m.indexOf(": ") + 2);
    }
}
