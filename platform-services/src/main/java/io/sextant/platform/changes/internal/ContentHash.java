package io.sextant.platform.changes.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A change's identity: SHA-256 over its forward and rollback SQL normalised through the lexer —
 * comments and white space vanish, unquoted words are lower-cased (PostgreSQL folds them anyway),
 * strings, quoted identifiers and numbers stay byte for byte. Reformatting a change keeps its id;
 * changing a literal does not. The checksum, by contrast, is over the exact bytes (as Flyway's).
 */
public final class ContentHash {

    private ContentHash() {
    }

    public static String normalise(@Nullable String sql) {
        if (sql == null) {
            return "";
        }
        return ScriptSplitter.split(sql).stream()
                .map(s -> s.tokens().stream().map(t -> t.kind() == Token.Kind.WORD ? t.value() : t.text())
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining(";\n"));
    }

    public static String of(String forwardSql, @Nullable String rollbackSql) {
        return sha256(normalise(forwardSql) + "\n--rollback--\n" + normalise(rollbackSql));
    }

    /**
     * A change's id: the content hash scoped to its target, so the same SQL submitted for two
     * tenants' databases is two changes, while resubmitting it for one target is idempotent.
     */
    public static String id(String targetId, String forwardSql, @Nullable String rollbackSql) {
        return sha256(targetId + "\n--target--\n" + normalise(forwardSql) + "\n--rollback--\n" + normalise(rollbackSql));
    }

    public static String checksum(String exactSql) {
        return sha256(exactSql);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
