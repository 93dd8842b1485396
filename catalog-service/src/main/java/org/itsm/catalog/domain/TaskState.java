package org.itsm.catalog.domain;

/** State of a fulfilment task. */
public enum TaskState {
    OPEN, IN_PROGRESS, DONE, CANCELLED
}
