package io.sextant.platform.audit;

import org.jspecify.annotations.Nullable;

/**
 * The audit screen's read model: events newest first, filtered, paged by sequence number (keyset,
 * never counted). Callers need role {@code COMPLIANCE} or {@code SECURITY_ADMIN}; an {@code OPERATOR}
 * may read the trail of one change request ({@link AuditFilter#subject} with type {@code change}),
 * which the change review board shows on the change's page.
 */
public interface AuditQuery {

    /**
     * One page of events matching the filter, in descending sequence order.
     *
     * @param beforeSeq only events older than this one ({@code null}: start at the newest); pass the
     *                  previous page's {@link AuditPage#nextBeforeSeq()} to go on
     * @param limit     page size, 1 to 500
     */
    AuditPage find(AuditFilter filter, @Nullable Long beforeSeq, int limit);
}
