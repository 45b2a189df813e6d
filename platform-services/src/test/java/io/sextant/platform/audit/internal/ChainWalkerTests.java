package io.sextant.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.sextant.platform.audit.ChainProblem;
import io.sextant.platform.audit.ChainProblem.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The walker's diagnosis on in-memory chains, for tampering that is awkward to stage in the database. */
class ChainWalkerTests {

    @Test
    void intactChainHasNoProblem() {
        assertThat(walk(chain(6))).isNull();
    }

    @Test
    void insertionWithCorrectLinkAndHashIsFoundAtTheNextEvent() {
        List<StoredEvent> events = chain(6);
        List<StoredEvent> tampered = new ArrayList<>(events.subList(0, 3)); // seqs 1..3
        StoredEvent forged = event(4, events.get(2).hash(), "mallory");
        tampered.add(forged);
        events.subList(3, 6).forEach(e -> tampered.add(renumber(e, e.seq() + 1)));
        assertThat(walk(tampered)).extracting(ChainProblem::kind, ChainProblem::seq).containsExactly(Kind.INSERTED, 4L);
    }

    @Test
    void deletionWithRenumberingIsFound() {
        List<StoredEvent> events = chain(6);
        List<StoredEvent> tampered = new ArrayList<>(events.subList(0, 2)); // drop seq 3
        events.subList(3, 6).forEach(e -> tampered.add(renumber(e, e.seq() - 1)));
        assertThat(walk(tampered)).extracting(ChainProblem::kind, ChainProblem::seq).containsExactly(Kind.DELETED, 3L);
    }

    @Test
    void changedPrevHashColumnIsAnAlteration() {
        List<StoredEvent> events = new ArrayList<>(chain(6));
        StoredEvent e = events.get(3);
        byte[] other = e.prevHash().clone();
        other[0] ^= 1;
        events.set(3, new StoredEvent(e.seq(), e.eventId(), e.occurredAt(), e.actor(), e.action(), e.targetType(),
                e.targetId(), e.outcome(), e.requestId(), e.details(), other, e.hash()));
        assertThat(walk(events)).extracting(ChainProblem::kind, ChainProblem::seq).containsExactly(Kind.ALTERED, 4L);
    }

    @Test
    void distantSwapIsAReordering() {
        List<StoredEvent> events = chain(6);
        List<StoredEvent> tampered = new ArrayList<>(events);
        tampered.set(1, renumber(events.get(4), 2));
        tampered.set(4, renumber(events.get(1), 5));
        assertThat(walk(tampered)).extracting(ChainProblem::kind, ChainProblem::seq).containsExactly(Kind.REORDERED, 2L);
    }

    @Test
    void detailsInAnyKeyOrderHashAlike() {
        StoredEvent a = event(1, ChainHash.GENESIS, "x");
        StoredEvent b = new StoredEvent(a.seq(), a.eventId(), a.occurredAt(), a.actor(), a.action(), a.targetType(),
                a.targetId(), a.outcome(), a.requestId(), "{\"b\": \"2\", \"a\": \"1\"}", a.prevHash(), a.hash());
        StoredEvent c = new StoredEvent(a.seq(), a.eventId(), a.occurredAt(), a.actor(), a.action(), a.targetType(),
                a.targetId(), a.outcome(), a.requestId(), "{\"a\":\"1\",\"b\":\"3\"}", a.prevHash(), a.hash());
        assertThat(ChainHash.of(a.prevHash(), b)).isEqualTo(ChainHash.of(a.prevHash(), a));
        assertThat(ChainHash.of(a.prevHash(), c)).isNotEqualTo(ChainHash.of(a.prevHash(), a));
    }

    private static ChainProblem walk(List<StoredEvent> stored) {
        ChainWalker walker = new ChainWalker(hash -> stored.stream().filter(e -> Arrays.equals(e.hash(), hash))
                .mapToLong(StoredEvent::seq).findFirst().stream().boxed().findFirst()
                .map(OptionalLong::of).orElse(OptionalLong.empty()), Set.of());
        for (StoredEvent e : stored) {
            if (!walker.accept(e)) {
                break;
            }
        }
        walker.finish();
        return walker.problem();
    }

    private static List<StoredEvent> chain(int n) {
        List<StoredEvent> events = new ArrayList<>();
        byte[] prev = ChainHash.GENESIS;
        for (int i = 1; i <= n; i++) {
            StoredEvent e = event(i, prev, "actor" + i);
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    private static StoredEvent event(long seq, byte[] prev, String actor) {
        StoredEvent e = new StoredEvent(seq, UUID.randomUUID(), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq),
                actor, "test.walk", "thing", "t" + seq, "succeeded", null, "{\"a\":\"1\",\"b\":\"2\"}", prev, new byte[0]);
        return e.withHash(ChainHash.of(prev, e));
    }

    /** Moves an event to another seq without re-hashing it, as a SQL UPDATE would. */
    private static StoredEvent renumber(StoredEvent e, long seq) {
        return new StoredEvent(seq, e.eventId(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
                e.outcome(), e.requestId(), e.details(), e.prevHash(), e.hash());
    }
}
