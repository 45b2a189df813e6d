package io.sextant.platform.authz;

/** Why a decision was made: a live decision of the engine, a simulation an operator ran, or a replay of a recorded one. */
public enum TraceKind {
    LIVE,
    SIMULATION,
    REPLAY
}
