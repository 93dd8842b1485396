package org.itsm.catalog.domain;

/** How much the business depends on a service. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL
}
