package org.itsm.events.catalog;

/** Whether an offering can still be chosen; a retired one keeps its history but takes no new work. */
public enum OfferingStatus {
    ACTIVE, RETIRED
}
