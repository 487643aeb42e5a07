package org.convene.events.delivery;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How many emails of one kind, for one event, are in each state: numbers only, so that the organiser
 * sees whether the emails go out without learning to whom.
 *
 * @param pending promised and not yet sent, given up on or withheld
 */
@Schema(description = "How many emails of one kind an event's registrants were sent, are still to be sent, "
        + "or did not get; counts only")
public record EmailCounts(
        @Schema(description = "Sent") long sent,
        @Schema(description = "Promised and not sent yet") long pending,
        @Schema(description = "Given up on after a permanent failure or the last attempt") long failed,
        @Schema(description = "Refused for good by the receiving server") long bounced,
        @Schema(description = "Not sent on purpose: a reminder that could no longer go out before the start") long dropped,
        @Schema(description = "Not sent on purpose: the registrant unsubscribed, or the address bounced before") long suppressed) {

    /**
     * From the counters as kept. Promises and outcomes come under different keys, so on different
     * partitions: an outcome may be counted before its promise, and pending is then none, not fewer.
     */
    static EmailCounts of(long promised, long sent, long failed, long bounced, long dropped, long suppressed) {
        long pending = Math.max(0, promised - sent - failed - bounced - dropped - suppressed);
        return new EmailCounts(sent, pending, failed, bounced, dropped, suppressed);
    }

    boolean any() {
        return sent + pending + failed + bounced + dropped + suppressed > 0;
    }
}
