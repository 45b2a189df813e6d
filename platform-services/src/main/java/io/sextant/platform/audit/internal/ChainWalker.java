package io.sextant.platform.audit.internal;

import io.sextant.platform.audit.ChainProblem;
import io.sextant.platform.audit.ChainProblem.Kind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks stored events in sequence order and names the first problem. It judges each event once
 * the next one is known, because telling an inserted event from an altered one needs to see
 * whether the next event links past it. Memory stays constant: only the last three events.
 *
 * <p>For event {@code r} after {@code p} (and {@code p} after {@code pp}), in this order:
 * a seq gap is a deletion; a correct link and hash is fine; a hash that matches once
 * {@code prev_hash} is replaced by {@code p}'s hash is an altered {@code prev_hash}; a link to an
 * event stored later is a reordering; a next event linking straight to {@code p} means {@code r}
 * was inserted; a correct link with a wrong hash is an alteration; a link to an earlier event means
 * the events between were inserted; a link to no stored event means its predecessor was deleted
 * and the rest renumbered.
 */
final class ChainWalker {

    private final Function<byte[], OptionalLong> seqOfHash;
    private final Set<Long> watched;
    private final Map<Long, byte[]> watchedHashes = new HashMap<>();
    private StoredEvent p = genesis();
    private @Nullable StoredEvent r;
    private @Nullable ChainProblem problem;
    private long checked;

    /**
     * @param seqOfHash where an event with a given hash is stored, if anywhere
     * @param watched   sequence numbers whose stored hash the caller wants (to compare with checkpoints)
     */
    ChainWalker(Function<byte[], OptionalLong> seqOfHash, Set<Long> watched) {
        this.seqOfHash = seqOfHash;
        this.watched = new HashSet<>(watched);
    }

    /** Feeds the next stored event; returns false once a problem is known (stop feeding). */
    boolean accept(StoredEvent next) {
        if (problem == null && r != null) {
            judge(r, next);
        }
        if (problem == null) {
            if (r != null) {
                p = r;
            }
            r = next;
            checked++;
            if (watched.contains(next.seq())) {
                watchedHashes.put(next.seq(), next.hash());
            }
        }
        return problem == null;
    }

    /** Judges the last event; call after the last {@link #accept}. */
    void finish() {
        if (problem == null && r != null) {
            judge(r, null);
            if (problem == null) {
                p = r;
                r = null;
            }
        }
    }

    @Nullable ChainProblem problem() {
        return problem;
    }

    long checked() {
        return checked;
    }

    /** The last event judged intact (seq 0 and the zero hash if none). */
    long lastSeq() {
        return p.seq();
    }

    byte[] lastHash() {
        return p.hash();
    }

    @Nullable byte[] hashAt(long seq) {
        return watchedHashes.get(seq);
    }

    private void judge(StoredEvent r, @Nullable StoredEvent n) {
        if (r.seq() != p.seq() + 1) {
            problem = new ChainProblem(Kind.DELETED, p.seq() + 1, r.seq() == p.seq() + 2
                    ? "Event " + (p.seq() + 1) + " is missing: the chain jumps from " + p.seq() + " to " + r.seq() + "."
                    : "Events " + (p.seq() + 1) + " to " + (r.seq() - 1) + " are missing: the chain jumps from "
                            + p.seq() + " to " + r.seq() + ".");
            return;
        }
        boolean linked = Arrays.equals(r.prevHash(), p.hash());
        boolean hashOk = Arrays.equals(ChainHash.of(r.prevHash(), r), r.hash());
        if (linked && hashOk) {
            return;
        }
        OptionalLong linkedTo = OptionalLong.empty();
        if (!linked) {
            if (Arrays.equals(ChainHash.of(p.hash(), r), r.hash())) {
                problem = altered(r, "Event " + r.seq() + " has a changed link to its predecessor (prev_hash).");
                return;
            }
            linkedTo = seqOfHash.apply(r.prevHash());
            if (linkedTo.isPresent() && linkedTo.getAsLong() > r.seq()) {
                problem = new ChainProblem(Kind.REORDERED, r.seq(), "Event " + r.seq() + " follows event "
                        + linkedTo.getAsLong() + ", which is stored after it: events were moved.");
                return;
            }
        }
        if (n != null && Arrays.equals(n.prevHash(), p.hash())) {
            problem = new ChainProblem(Kind.INSERTED, r.seq(), "Event " + r.seq() + " is not part of the chain: event "
                    + n.seq() + " links straight to event " + p.seq() + ".");
        } else if (linked) {
            problem = altered(r, "Event " + r.seq() + " was changed: its content no longer matches its hash.");
        } else if (linkedTo.isPresent() && linkedTo.getAsLong() < p.seq()) {
            long first = linkedTo.getAsLong() + 1;
            problem = new ChainProblem(Kind.INSERTED, first, "Event " + r.seq() + " links to event "
                    + linkedTo.getAsLong() + ": the events from " + first + " to " + p.seq() + " were inserted.");
        } else {
            problem = new ChainProblem(Kind.DELETED, r.seq(), "The event before event " + r.seq()
                    + " is missing: it links to an event that is no longer stored (the rest were renumbered).");
        }
    }

    private static ChainProblem altered(StoredEvent r, String description) {
        return new ChainProblem(Kind.ALTERED, r.seq(), description);
    }

    private static StoredEvent genesis() {
        return new StoredEvent(0, new java.util.UUID(0, 0), java.time.Instant.EPOCH, "", "", "", null, "", null, "{}",
                ChainHash.GENESIS, ChainHash.GENESIS);
    }
}
