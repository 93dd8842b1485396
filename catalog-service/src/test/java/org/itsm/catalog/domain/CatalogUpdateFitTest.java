package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.catalog.domain.CatalogUpdateFit.OfferingFacts;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.CatalogUpdate.AddedOffering;
import org.junit.jupiter.api.Test;

class CatalogUpdateFitTest {

    private final ItService email = service("SVC0001001", Lifecycle.LIVE);
    private final ItService chat = service("SVC0001003", Lifecycle.LIVE);
    private final OfferingFacts gold = new OfferingFacts(UUID.randomUUID(), email.id, "Gold", OfferingStatus.ACTIVE);
    private final OfferingFacts bronze = new OfferingFacts(UUID.randomUUID(), email.id, "Bronze",
            OfferingStatus.RETIRED);
    private final Map<UUID, OfferingFacts> offerings = Map.of(gold.id(), gold, bronze.id(), bronze);

    @Test
    void aFittingUpdateHasNoMisfits() {
        CatalogUpdate update = new CatalogUpdate("2.0", "RETIRED", List.of(new AddedOffering(email.id, "Platinum")),
                List.of(), gold.id(), List.of(new SlaTarget("P1", 10, 120)));
        assertEquals(List.of(), misfits(List.of(email), update));
    }

    @Test
    void anOfferingRetiredMeanwhileOrUnknownIsAMisfit() {
        UUID stranger = UUID.randomUUID();
        List<String> misfits = misfits(List.of(email),
                new CatalogUpdate(null, null, null, List.of(bronze.id(), stranger), null, null));
        assertEquals(2, misfits.size(), misfits.toString());
        assertTrue(misfits.get(0).contains("Bronze was already retired"));
    }

    @Test
    void illegalLifecycleMovesRetiredServicesAndBadTargetsAreMisfits() {
        ItService retired = service("SVC0001002", Lifecycle.RETIRED);
        assertTrue(CatalogUpdateFit.misfits(List.of(retired), Set.of(retired.id),
                new CatalogUpdate("2.0", null, null, null, null, null), Map.of(), Map.of()).get(0).contains("retired"));
        assertTrue(misfits(List.of(email), new CatalogUpdate(null, "PIPELINE", null, null, null, null))
                .get(0).contains("cannot move from LIVE to PIPELINE"));
        assertTrue(misfits(List.of(email), new CatalogUpdate(null, "ASLEEP", null, null, null, null))
                .get(0).startsWith("catalogUpdate.lifecycle: "));
        List<String> targets = misfits(List.of(email), new CatalogUpdate(null, null, null, null, gold.id(),
                List.of(new SlaTarget("P9", 1, 1), new SlaTarget("P2", 90, 30))));
        assertEquals(List.of("catalogUpdate.slaTargets[0].priority: must be one of P1, P2, P3, P4, P5",
                "catalogUpdate.slaTargets[1].resolutionMinutes: must not be shorter than responseMinutes"), targets);
        assertTrue(misfits(List.of(email), new CatalogUpdate(null, null, List.of(new AddedOffering(email.id, "gold")),
                null, null, null)).get(0).contains("already exists"));
        assertTrue(misfits(List.of(email), new CatalogUpdate(null, null, null, null, null,
                List.of(new SlaTarget("P1", 1, 2)))).get(0).startsWith("catalogUpdate.slaOfferingId: "));
    }

    @Test
    void anAddedOfferingNamesOneOfTheAffectedServicesAndItsNameIsCheckedOnThatServiceOnly() {
        assertEquals(List.of("catalogUpdate.offeringsAdded[0].serviceId: must name the service the offering is created on"),
                misfits(List.of(email, chat), new CatalogUpdate(null, null, List.of(AddedOffering.named("Platinum")),
                        null, null, null)));
        assertTrue(misfits(List.of(email), new CatalogUpdate(null, null,
                List.of(new AddedOffering(UUID.randomUUID(), "Platinum")), null, null, null))
                .get(0).contains("not one of the change's affected services"));
        // Gold exists on email, not on chat
        assertEquals(List.of(), misfits(List.of(email, chat), new CatalogUpdate(null, null,
                List.of(new AddedOffering(chat.id, "Gold")), null, null, null)));
    }

    @Test
    void aServiceWithOpenRequestsDoesNotRetire() {
        CatalogUpdate retire = new CatalogUpdate(null, "RETIRED", null, null, null, null);
        assertEquals(List.of("SVC0001001 cannot retire while requests are open: REQ0000001, REQ0000002"),
                CatalogUpdateFit.misfits(List.of(email), List.of(email.id), retire, offerings,
                        Map.of(email.id, List.of("REQ0000001", "REQ0000002"))));
        assertEquals(List.of(), CatalogUpdateFit.misfits(List.of(email), List.of(email.id), retire, offerings,
                Map.of(chat.id, List.of("REQ0000003"))));
    }

    private List<String> misfits(List<ItService> services, CatalogUpdate update) {
        return CatalogUpdateFit.misfits(services, services.stream().map(service -> service.id).toList(), update,
                offerings, Map.of());
    }

    private static ItService service(String number, Lifecycle lifecycle) {
        ItService service = new ItService();
        service.id = UUID.randomUUID();
        service.number = number;
        service.lifecycle = lifecycle;
        return service;
    }
}
