package org.convene.registration.registration;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A person's answer to one organisation's consent question: the exact words they were shown, whether
 * they ticked the box, and when. Kept as evidence of what they agreed to.
 */
@Embeddable
public record ConsentAnswer(
        @Column(nullable = false) String organisation,
        @Column(nullable = false) String wording,
        @Column(nullable = false) boolean given,
        @Column(name = "answered_at", nullable = false) Instant answeredAt) {
}
