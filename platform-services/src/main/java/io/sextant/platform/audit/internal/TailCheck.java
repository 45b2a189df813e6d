package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.ChainProblem;
import io.sextant.platform.audit.ChainProblem.Kind;
import io.sextant.platform.audit.Checkpoint;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Compares the end of an intact walk with what says where the chain should end: the chain head,
 * the newest checkpoint in the database and the last checkpoint in the external file. The file is
 * the one witness that someone able to rewrite the database (head and checkpoint rows included)
 * cannot reach.
 */
final class TailCheck {

    private final ChainWalker walker;
    private final Optional<JooqCheckpointRepository.StoredKey> key;

    TailCheck(ChainWalker walker, Optional<JooqCheckpointRepository.StoredKey> key) {
        this.walker = walker;
        this.key = key;
    }

    @Nullable ChainProblem check(JooqAuditEventRepository.Head head,
            Optional<JooqCheckpointRepository.StoredCheckpoint> inDatabase, Optional<Checkpoint> inFile) {
        long last = walker.lastSeq();
        if (head.seq() > last) {
            return truncated("The chain head", head.seq(), last);
        }
        if (head.seq() < last) {
            return new ChainProblem(Kind.INSERTED, head.seq() + 1, "Events " + (head.seq() + 1) + " to " + last
                    + " come after the chain head (event " + head.seq() + "): they were not written by the audit log.");
        }
        if (!Arrays.equals(head.hash(), walker.lastHash())) {
            return new ChainProblem(Kind.ALTERED, last, "The chain head records a different hash for event " + last + ".");
        }
        if (inDatabase.isPresent()) {
            var cp = inDatabase.get();
            String where = "The newest checkpoint in the database";
            boolean signed = key.filter(k -> k.keyId().equals(cp.keyId())).map(k -> CheckpointSigner.verifies(
                    k.publicKey(), CheckpointSigner.message(cp.seq(), cp.headHash(), cp.createdAt()), cp.signature()))
                    .orElse(false);
            if (!signed) {
                return new ChainProblem(Kind.BAD_CHECKPOINT, cp.seq(), where + " (event " + cp.seq()
                        + ") does not carry a valid signature of the checkpoint key.");
            }
            ChainProblem p = compare(where, cp.seq(), cp.headHash(), last);
            if (p != null) {
                return p;
            }
        }
        if (inFile.isPresent()) {
            return checkFile(inFile.get(), last);
        }
        return null;
    }

    private @Nullable ChainProblem checkFile(Checkpoint cp, long last) {
        String where = "The last checkpoint in the checkpoint file";
        byte[] hash;
        byte[] publicKey;
        boolean signed;
        try {
            hash = HexFormat.of().parseHex(cp.headHash());
            publicKey = Base64.getDecoder().decode(cp.publicKey());
            signed = CheckpointSigner.verifies(publicKey, CheckpointSigner.message(cp.seq(), hash, cp.createdAt()),
                    Base64.getDecoder().decode(cp.signature()));
        } catch (IllegalArgumentException e) {
            signed = false;
            hash = new byte[0];
            publicKey = new byte[0];
        }
        if (!signed) {
            return new ChainProblem(Kind.BAD_CHECKPOINT, cp.seq(), where + " (event " + cp.seq()
                    + ") does not carry a valid signature.");
        }
        byte[] signedBy = publicKey;
        if (key.map(k -> !Arrays.equals(k.publicKey(), signedBy)).orElse(true)) {
            return new ChainProblem(Kind.BAD_CHECKPOINT, cp.seq(), where + " (event " + cp.seq() + ") was signed by key "
                    + cp.keyId() + ", which is not the checkpoint key this database holds.");
        }
        return compare(where, cp.seq(), hash, last);
    }

    private @Nullable ChainProblem compare(String where, long seq, byte[] hash, long last) {
        if (seq > last) {
            return truncated(where, seq, last);
        }
        if (!Arrays.equals(walker.hashAt(seq), hash)) {
            return new ChainProblem(Kind.ALTERED, seq, "Event " + seq + " does not match " + Character.toLowerCase(where.charAt(0))
                    + where.substring(1) + ": the chain up to it was rewritten.");
        }
        return null;
    }

    private static ChainProblem truncated(String where, long recorded, long last) {
        return new ChainProblem(Kind.TRUNCATED, last + 1, where + " records event " + recorded
                + ", but the newest stored event is " + last + ": " + (recorded == last + 1 ? "event " + recorded + " was"
                : "events " + (last + 1) + " to " + recorded + " were") + " cut off.");
    }
}
