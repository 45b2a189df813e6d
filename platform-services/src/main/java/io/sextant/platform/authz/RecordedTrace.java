package io.sextant.platform.authz;

/** A stored trace as given to one reader, and how much of its inputs that reader was given. */
public record RecordedTrace(DecisionTrace trace, TraceInputs inputs) {
}
