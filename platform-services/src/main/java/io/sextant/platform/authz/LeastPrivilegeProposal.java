package io.sextant.platform.authz;

import java.time.Instant;
import java.util.List;

/**
 * A proposed narrower policy and its preview on the recorded requests it was derived from.
 *
 * @param proposedSource the proposed project policy text (rules narrowed to what was used)
 * @param removed        permissions the current policy grants that no recorded request used: they will go
 * @param stillAllowed   recorded requests allowed now and under the proposal
 * @param nowDenied      recorded requests allowed now that the proposal would deny (empty by construction; shown to prove it)
 * @param stillDenied    recorded requests denied now and under the proposal
 * @param newlyAllowed   recorded requests denied now that the proposal would allow (must be empty)
 */
public record LeastPrivilegeProposal(String currentHash, String proposedHash, String proposedSource, Instant from, Instant to,
        int requestsConsidered, List<String> removed, List<String> kept, int stillAllowed, List<String> nowDenied, int stillDenied,
        List<String> newlyAllowed) {
}
