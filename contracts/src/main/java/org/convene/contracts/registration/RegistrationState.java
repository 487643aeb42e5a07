package org.convene.contracts.registration;

public enum RegistrationState {
    REGISTERED,
    WAITLISTED,
    PROMOTED,
    CANCELLED,
    ATTENDED,
    ERASED
}
