package io.sextant.platform.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of audit events, newest first.
 *
 * @param nextBeforeSeq pass as {@code beforeSeq} for the next (older) page; {@code null} on the last page
 */
public record AuditPage(List<AuditEventView> events, @Nullable Long nextBeforeSeq) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
