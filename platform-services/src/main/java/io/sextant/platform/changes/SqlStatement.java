package io.sextant.platform.changes;

/**
 * One statement of a migration script as it appears in the file.
 *
 * @param index  zero-based position among the script's statements
 * @param text   the statement's source text, from its first token up to (not including) its
 *               terminating semicolon; comments before it are not part of it
 * @param offset offset of the first character in the script
 * @param line   one-based line of the first character
 * @param column one-based column of the first character
 */
public record SqlStatement(int index, String text, int offset, int line, int column) {
}
