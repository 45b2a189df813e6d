package io.sextant.platform.authz.internal;

import io.sextant.platform.authz.DecisionTrace;

/** Lets tests outside this package compute a trace's canonical JSON as the store does. */
public final class TraceCodecAccess {

    private TraceCodecAccess() {
    }

    public static String canonical(DecisionTrace t) {
        return TraceCodec.canonicalOf(t);
    }
}
