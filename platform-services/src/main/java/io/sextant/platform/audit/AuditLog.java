package io.sextant.platform.audit;

/**
 * Appends events to the hash-chained audit log.
 *
 * <p>{@link #append} joins the caller's transaction (it fails without one), so the event commits
 * or rolls back with the change it describes. {@link #appendRefusal} writes in a transaction of
 * its own, so a refusal stays recorded while the refused work rolls back.
 */
public interface AuditLog {

    /** Records an action in the caller's transaction; returns the event's sequence number. */
    long append(AuditEntry entry);

    /** Records a refused or failed action in its own transaction; returns the event's sequence number. */
    long appendRefusal(AuditEntry entry);
}
