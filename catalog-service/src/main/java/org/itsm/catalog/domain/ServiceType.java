package org.itsm.catalog.domain;

/** Kind of catalog service: seen by the business, or supporting others behind the scenes. */
public enum ServiceType {
    BUSINESS, TECHNICAL
}
