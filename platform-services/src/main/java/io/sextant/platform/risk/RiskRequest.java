package io.sextant.platform.risk;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request to score, as the data plane sees it. Fixed-point throughout (see {@link Fixed}).
 *
 * @param principal     who makes it (the project's own id of a user, client or account)
 * @param action        what it is, e.g. {@code sign-in} or {@code payment}
 * @param amount        thousandths of the request's amount, if it has one
 * @param clientAddress the client's network address, if known
 * @param device        an identifier of the client's device, if known
 * @param latitude      millionths of a degree, with {@code longitude}, if known
 * @param longitude     millionths of a degree
 * @param occurredAt    when it happened; the injected clock's time when absent
 * @param externalId    the caller's own id of the request, kept for reference
 */
public record RiskRequest(String principal, String action, @Nullable Long amount, @Nullable String clientAddress, @Nullable String device,
        @Nullable Long latitude, @Nullable Long longitude, @Nullable Instant occurredAt, @Nullable String externalId) {

    public RiskRequest {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("A request to score needs a principal");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("A request to score needs an action");
        }
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("A location needs both latitude and longitude");
        }
        if (latitude != null && (Math.abs(latitude) > 90_000_000L || Math.abs(longitude) > 180_000_000L)) {
            throw new IllegalArgumentException("A location's latitude must be within ±90 and its longitude within ±180 degrees");
        }
        if (amount != null && amount < 0) {
            throw new IllegalArgumentException("An amount cannot be negative");
        }
        if (principal.length() > 200 || action.length() > 100) {
            throw new IllegalArgumentException("A principal is at most 200 and an action at most 100 characters");
        }
    }

    public RiskRequest withOccurredAt(Instant at) {
        return new RiskRequest(principal, action, amount, clientAddress, device, latitude, longitude, at, externalId);
    }
}
