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
}
