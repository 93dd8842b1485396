package org.itsm.change.domain;

/**
 * What the catalog did with an implemented change's catalog update: PENDING from the implementation until the catalog
 * answers, then APPLIED, or REJECTED (with the reason) when the update no longer fitted a service. A rejection stays:
 * a later "applied" for another service does not clear it.
 */
public enum CatalogUpdateStatus {
    PENDING, APPLIED, REJECTED;

    /** The status after the catalog's answer for one service. */
    public CatalogUpdateStatus after(boolean applied) {
        if (this == REJECTED) {
            return REJECTED;
        }
        return applied ? APPLIED : REJECTED;
    }
}
