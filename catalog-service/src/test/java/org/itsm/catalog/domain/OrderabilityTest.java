package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.junit.jupiter.api.Test;

class OrderabilityTest {

    @Test
    void anItemIsOrderableOnlyWhilePublishedAndItsOfferingAndServiceAreActive() {
        ItService service = new ItService();
        service.id = UUID.randomUUID();
        service.lifecycle = Lifecycle.LIVE;
        ServiceOffering offering = new ServiceOffering();
        offering.id = UUID.randomUUID();
        offering.serviceId = service.id;
        offering.status = OfferingStatus.ACTIVE;
        CatalogItem item = new CatalogItem();
        item.name = "Laptop";
        item.published = true;
        item.offeringId = offering.id;

        assertNull(Orderability.refusal(item, offering, service));
        service.lifecycle = Lifecycle.RETIRED;
        assertEquals("item Laptop belongs to a retired service", Orderability.refusal(item, offering, service));
        offering.status = OfferingStatus.RETIRED;
        assertEquals("item Laptop belongs to an offering that is retired",
                Orderability.refusal(item, offering, service));
        item.published = false;
        assertEquals("is not a published catalog item", Orderability.refusal(item, offering, service));
        item.published = true;
        item.offeringId = null;
        assertNull(Orderability.refusal(item, null, null));
    }
}
