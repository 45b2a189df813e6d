package io.sextant.platform.authz.internal;

import io.sextant.platform.authz.DecisionTrace;

/** Lets tests outside this package compute a trace's canonical JSON as the store does. */
public final class TraceCodecAccess {

    private TraceCodecAccess() {
    }

    /** The canonical JSON of a trace whose inputs have this digest. */
    public static String canonical(DecisionTrace t, String inputsDigest) {
        return TraceCodec.canonicalOf(t, inputsDigest);
    }

    /** The canonical JSON of a trace as the store wrote it before inputs were kept apart (values in the trace row). */
    public static String legacyCanonical(DecisionTrace t) {
        return TraceCodec.canonicalOf(t, null);
    }

    /** The canonical JSON of a value, as the store writes it. */
    public static String json(Object value) {
        return TraceJson.canonical(value);
    }

    /** The rules as the store wrote them before inputs were kept apart. */
    public static String legacyRules(DecisionTrace t) {
        return TraceCodec.rulesJson(t.rules(), false);
    }
}
