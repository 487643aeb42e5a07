package org.convene.notification.event;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.convene.contracts.event.EventReplica;

/** This service's copy of a public event: what its emails need to say about it. */
@Entity
@Table(name = "known_event")
public class KnownEvent extends EventReplica {
}
