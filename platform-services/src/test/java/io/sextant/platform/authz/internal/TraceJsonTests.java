package io.sextant.platform.authz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sextant.platform.authz.TraceSamples;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The canonical JSON of trace values: one text per value, stable through jsonb, exact on the way back. */
class TraceJsonTests {

    @Test
    void keysAreSortedAndThereIsNoWhitespace() {
        assertThat(TraceJson.canonical(TraceSamples.map("b", 1, "a", List.of(true, false, "x"), "B", null, "é", Map.of("z", 1, "y", 2))))
                .isEqualTo("{\"B\":null,\"a\":[true,false,\"x\"],\"b\":1,\"é\":{\"y\":2,\"z\":1}}");
    }

    @Test
    void stringsAreEscapedMinimally() {
        assertThat(TraceJson.canonical("q\"b\\t\tn\nc\u0001ü😀/")).isEqualTo("\"q\\\"b\\\\t\\u0009n\\u000ac\\u0001ü😀/\"");
    }

    @Test
    void numbersArePlainDecimalsThatKeepTheirScale() {
        assertThat(TraceJson.canonical(List.of(1, -2L, (short) 3, (byte) 4, new BigInteger("123456789012345678901234567890"))))
                .isEqualTo("[1,-2,3,4,123456789012345678901234567890]");
        assertThat(TraceJson.canonical(List.of(new BigDecimal("2.50"), new BigDecimal("1E+3"), new BigDecimal("-1.5E-3"))))
                .isEqualTo("[2.50,1000,-0.0015]");
        assertThat(TraceJson.canonical(List.of(0.1, 2.0, 1e20, 1.5e-7, 3.25f))).isEqualTo("[0.1,2.0,100000000000000000000,0.00000015,3.25]");
    }

    @Test
    void uuidsInstantsAndEnumsAreStrings() {
        UUID id = UUID.fromString("0b0c8a77-4f3c-4d4e-9c1a-2b3c4d5e6f70");
        assertThat(TraceJson.canonical(List.of(id, Instant.parse("2025-01-02T03:04:05.123456789Z"), Thread.State.NEW)))
                .isEqualTo("[\"0b0c8a77-4f3c-4d4e-9c1a-2b3c4d5e6f70\",\"2025-01-02T03:04:05.123456789Z\",\"NEW\"]");
    }

    @Test
    void jsonbOutputRecanonicalisesToTheSameText() {
        Map<String, Object> value = TraceSamples.map("z", List.of(1, new BigDecimal("2.50"), "a\tb"), "a", TraceSamples.map("y", null, "x", 0.1));
        String canonical = TraceJson.canonical(value);
        // as PostgreSQL prints jsonb: keys by length then bytes, a space after ':' and ','
        String jsonb = "{\"a\": {\"x\": 0.1, \"y\": null}, \"z\": [1, 2.50, \"a\\tb\"]}";
        assertThat(TraceJson.recanonicalize(jsonb)).isEqualTo(canonical);
        assertThat(TraceJson.recanonicalize(canonical)).isEqualTo(canonical);
    }

    @Test
    void parseReturnsLongsBigDecimalsAndSortedMaps() {
        Object back = TraceJson.parse("{\"b\": [1, 2.50, 99999999999999999999, true, null, \"s\"], \"a\": {}}");
        assertThat(back).isEqualTo(Map.of("a", Map.of(), "b", java.util.Arrays.asList(1L, new BigDecimal("2.50"),
                new BigDecimal("99999999999999999999"), true, null, "s")));
        assertThat(List.copyOf(((Map<?, ?>) back).keySet())).isEqualTo(List.of("a", "b"));
    }

    @Test
    void valuesThatWouldNotComeBackAreRefused() {
        assertThatThrownBy(() -> TraceJson.canonical(Set.of(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical(new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical("a\u0000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical("\uDC00x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceJson.canonical(new BigDecimal("1E+2000"))).isInstanceOf(IllegalArgumentException.class);
        Object deep = "x";
        for (int i = 0; i <= TraceJson.MAX_DEPTH + 1; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> TraceJson.canonical(tooDeep)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTracesHandWrittenCanonicalFormMatchesTheGeneralWriter() {
        UUID project = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            io.sextant.platform.authz.DecisionTrace t = TraceSamples.exact(project, i);
            assertThat(TraceCodec.canonicalOf(t, "ab".repeat(32))).isEqualTo(TraceCodec.canonicalByGeneralWriter(t, "ab".repeat(32)));
            for (boolean shaped : new boolean[] {true, false}) {
                assertThat(TraceCodec.rulesJson(t.rules(), shaped)).isEqualTo(TraceJson.canonical(TraceCodec.rulesAsJson(t.rules(), shaped)));
            }
        }
        io.sextant.platform.authz.DecisionTrace odd = new io.sextant.platform.authz.DecisionTrace(UUID.randomUUID(), null,
                io.sextant.platform.authz.TraceKind.REPLAY, null, Map.of(), "a\"b\\c\nd", "t\u0001", Map.of(), Map.of(), "h", "e",
                List.of(), io.sextant.platform.authz.Effect.DENY, List.of(), Instant.parse("2025-01-01T00:00:00.000000001Z"));
        assertThat(TraceCodec.canonicalOf(odd, "0".repeat(64))).isEqualTo(TraceCodec.canonicalByGeneralWriter(odd, "0".repeat(64)));
    }

    @Test
    void copyTextEscapesTheFormatsSpecialCharacters() {
        assertThat(TraceCodec.copyText(new StringBuilder(), "a\\b\tc\nd\re").toString()).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(TraceCodec.copyText(new StringBuilder(), null).toString()).isEqualTo("\\N");
    }
}
