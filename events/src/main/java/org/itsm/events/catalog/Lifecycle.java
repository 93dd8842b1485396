package org.itsm.events.catalog;

/** Where a service stands in the portfolio; services that keep a replica of the catalog compare against it. */
public enum Lifecycle {
    PIPELINE, LIVE, RETIRED
}
