package org.convene.contracts.delivery;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes to email counts summed per event and kind, in the order first met: what one transaction's
 * emails add up to, told or applied once as {@link EmailsCounted} rather than once per email.
 * Not thread-safe: it belongs to one transaction.
 */
public final class EmailCountChanges {

    private record Key(UUID eventId, EmailKind kind) {
    }

    private static final class Sum {
        int promised;
        final int[] outcomes = new int[DeliveryOutcome.values().length];

        boolean changed() {
            return promised != 0 || Arrays.stream(outcomes).anyMatch(count -> count != 0);
        }

        int of(DeliveryOutcome outcome) {
            return outcomes[outcome.ordinal()];
        }
    }

    private final Map<Key, Sum> sums = new LinkedHashMap<>();

    public void promised(UUID eventId, EmailKind kind, int change) {
        sum(eventId, kind).promised += change;
    }

    public void outcome(UUID eventId, EmailKind kind, DeliveryOutcome outcome) {
        sum(eventId, kind).outcomes[outcome.ordinal()]++;
    }

    public void add(EmailsCounted counted) {
        Sum sum = sum(counted.eventId(), counted.kind());
        sum.promised += counted.promised();
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            sum.outcomes[outcome.ordinal()] += counted.count(outcome);
        }
    }

    /** One message per event and kind whose counts changed; none for those that came back to nothing. */
    public List<EmailsCounted> sums(Instant at) {
        return sums.entrySet().stream().filter(entry -> entry.getValue().changed()).map(entry -> {
            Sum sum = entry.getValue();
            return new EmailsCounted(entry.getKey().eventId(), entry.getKey().kind(), sum.promised,
                    sum.of(DeliveryOutcome.SENT), sum.of(DeliveryOutcome.FAILED), sum.of(DeliveryOutcome.BOUNCED),
                    sum.of(DeliveryOutcome.DROPPED), sum.of(DeliveryOutcome.SUPPRESSED), at);
        }).toList();
    }

    private Sum sum(UUID eventId, EmailKind kind) {
        return sums.computeIfAbsent(new Key(eventId, kind), key -> new Sum());
    }
}
