package org.itsm.catalog.domain;

/** Where a service stands in the portfolio. */
public enum Lifecycle {
    PIPELINE, LIVE, RETIRED
}
