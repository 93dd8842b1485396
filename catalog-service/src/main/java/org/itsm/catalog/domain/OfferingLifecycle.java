package org.itsm.catalog.domain;

import java.util.List;

import org.itsm.events.catalog.OfferingStatus;
import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * An offering is Active until it is retired (by its action, by a change's catalog update, or with its service);
 * Retired is final: a retired offering no longer changes, takes no orders and is never the service's default.
 */
public final class OfferingLifecycle {

    public static final String RETIRE = "retire";

    private OfferingLifecycle() {
    }

    public static List<String> allowedActions(OfferingStatus status) {
        return status == OfferingStatus.ACTIVE ? List.of(RETIRE) : List.of();
    }

    /** The status {@code action} leads to, or {@link IllegalMoveException} naming the actions allowed now. */
    public static OfferingStatus apply(OfferingStatus status, String action) {
        if (RETIRE.equals(action) && status == OfferingStatus.ACTIVE) {
            return OfferingStatus.RETIRED;
        }
        throw new IllegalMoveException(action, status.name(), allowedActions(status));
    }

    /** Why the offering's fields cannot be edited now, or null. */
    public static String editRefusal(String offeringName, OfferingStatus status) {
        return status == OfferingStatus.RETIRED ? "Offering " + offeringName + " is retired and can no longer change"
                : null;
    }
}
