package org.convene.contracts.delivery;

public enum EmailKind {
    CONFIRMATION
}
