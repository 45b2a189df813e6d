package io.sextant.platform.audit;

/**
 * The first thing wrong with the audit chain.
 *
 * @param kind        what kind of tampering the evidence points to
 * @param seq         the sequence number where it shows first (for deletions and truncation: the
 *                    first missing one; for insertions: the first inserted one)
 * @param description what was found, in plain words
 */
public record ChainProblem(Kind kind, long seq, String description) {

    /** Kinds of damage the verifier tells apart. */
    public enum Kind {
        /** A stored event's content no longer matches its hash, or the chain up to a signed checkpoint was rewritten. */
        ALTERED,
        /** Events are missing from the middle of the chain (a gap, or a link to an event no longer stored). */
        DELETED,
        /** An event that is not part of the chain was put into it. */
        INSERTED,
        /** Events were moved: an event links to one that is stored after it. */
        REORDERED,
        /** The newest events were cut off: the chain ends before the head or a signed checkpoint. */
        TRUNCATED,
        /** A checkpoint's signature does not verify, or it was signed by a key this database does not hold. */
        BAD_CHECKPOINT
    }
}
