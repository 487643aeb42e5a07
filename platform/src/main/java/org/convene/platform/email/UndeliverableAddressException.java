package org.convene.platform.email;

/** An address that {@link EmailAddress} does not take; the message never names it. */
public class UndeliverableAddressException extends RuntimeException {

    public UndeliverableAddressException() {
        super("The address is not one Convene can deliver to (see EmailAddress)");
    }
}
