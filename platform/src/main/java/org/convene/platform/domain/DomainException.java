package org.convene.platform.domain;

/**
 * A request a domain rule refuses, each subclass naming the rule in the domain's words; the message says
 * why, in words a person or an API client can act on. Domain code throws these and names no HTTP status:
 * each service has one mapper that turns them into problem answers for its API, and its pages choose a
 * page from the subclass.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }
}
