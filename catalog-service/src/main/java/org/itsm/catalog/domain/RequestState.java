package org.itsm.catalog.domain;

/** States of a service request. */
public enum RequestState {
    SUBMITTED, AWAITING_APPROVAL, APPROVED, REJECTED, IN_FULFILMENT, FULFILLED, CLOSED, CANCELLED
}
