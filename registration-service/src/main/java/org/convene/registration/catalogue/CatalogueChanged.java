package org.convene.registration.catalogue;

import java.util.UUID;

/**
 * Fired, inside the transaction that applied it, when a newer snapshot of an event was taken: what
 * depends on the event (its places, its waitlist) can follow while the event's row is still locked.
 */
public record CatalogueChanged(UUID eventId) {
}
