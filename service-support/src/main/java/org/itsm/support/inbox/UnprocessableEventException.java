package org.itsm.support.inbox;

/** An event that will never apply (bad data, no longer fits the state): it goes to the dead-letter topic. */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }
}
