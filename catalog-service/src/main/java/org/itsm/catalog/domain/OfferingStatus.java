package org.itsm.catalog.domain;

/** Whether an offering can still be ordered and referenced. */
public enum OfferingStatus {
    ACTIVE, RETIRED
}
