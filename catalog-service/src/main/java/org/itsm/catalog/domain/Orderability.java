package org.itsm.catalog.domain;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;

/**
 * Whether a catalog item can be ordered now: it is published and, when it is linked to an offering, that offering
 * is active and its service is not retired (an offering or service may retire after the item was published).
 */
public final class Orderability {

    private Orderability() {
    }

    /**
     * Why the item cannot be ordered, or null when it can. {@code offering} and {@code service} are the item's
     * offering and that offering's service (null when the item names none, or they no longer exist).
     */
    public static String refusal(CatalogItem item, ServiceOffering offering, ItService service) {
        if (item == null || !item.published) {
            return "is not a published catalog item";
        }
        if (item.offeringId == null) {
            return null;
        }
        if (offering == null || offering.status != OfferingStatus.ACTIVE) {
            return "item " + item.name + " belongs to an offering that is retired";
        }
        if (service == null || service.lifecycle == Lifecycle.RETIRED) {
            return "item " + item.name + " belongs to a retired service";
        }
        return null;
    }
}
