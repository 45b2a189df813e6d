package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.Checkpoint;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The external checkpoint file: one JSON object per line, appended, never rewritten. It lives
 * outside PostgreSQL on purpose — it is the witness that survives someone rewriting the database
 * (docs/decisions/D004-audit-chain.md); it holds no secrets.
 */
@Component
class CheckpointFile {

    /** Reading from the end: a line is a few hundred bytes, so the last one fits many times over. */
    private static final int TAIL_BYTES = 16 * 1024;

    private final Path file;
    private final JsonMapper mapper = JsonMapper.shared();

    CheckpointFile(AuditProperties properties) {
        this.file = properties.checkpointFile().toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /** Appends the checkpoint as one line (and syncs it, so a crash cannot lose an acknowledged checkpoint). */
    synchronized void append(Checkpoint cp) {
        ObjectNode line = mapper.createObjectNode()
                .put("type", "sextant-audit-checkpoint")
                .put("seq", cp.seq())
                .put("headHash", cp.headHash())
                .put("createdAt", cp.createdAt().toString())
                .put("keyId", cp.keyId())
                .put("algorithm", CheckpointSigner.ALGORITHM)
                .put("publicKey", cp.publicKey())
                .put("signature", cp.signature());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, mapper.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
        }
    }

    /**
     * The last checkpoint in the file, empty if there is no file or no line.
     *
     * @throws IllegalStateException if the last line is not a readable checkpoint
     */
    synchronized Optional<Checkpoint> last() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String tail;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            tail = new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoint file " + file, e);
        }
        if (tail.isEmpty()) {
            return Optional.empty();
        }
        String lastLine = tail.substring(tail.lastIndexOf('\n') + 1);
        try {
            JsonNode n = mapper.readTree(lastLine);
            return Optional.of(new Checkpoint(n.required("seq").asLong(), n.required("headHash").asString(),
                    Instant.parse(n.required("createdAt").asString()), n.required("keyId").asString(),
                    n.required("publicKey").asString(), n.required("signature").asString()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The last line of the audit checkpoint file " + file + " is not a checkpoint", e);
        }
    }
}
