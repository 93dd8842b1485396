package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.itsm.catalog.domain.CatalogUpdateRules.OfferingFacts;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.change.CatalogUpdate;
import org.junit.jupiter.api.Test;

class CatalogUpdateRulesTest {

    private final CatalogService email = service("SVC0001001", Lifecycle.LIVE);
    private final OfferingFacts gold = new OfferingFacts(UUID.randomUUID(), email.id, "Gold", OfferingStatus.ACTIVE);
    private final OfferingFacts bronze = new OfferingFacts(UUID.randomUUID(), email.id, "Bronze",
            OfferingStatus.RETIRED);
    private final Map<UUID, OfferingFacts> offerings = Map.of(gold.id(), gold, bronze.id(), bronze);

    @Test
    void aFittingUpdateHasNoMisfits() {
        CatalogUpdate update = new CatalogUpdate("2.0", "RETIRED", List.of("Platinum"), List.of(), gold.id(),
                List.of(new SlaTarget("P1", 10, 120)));
        assertEquals(List.of(), CatalogUpdateRules.misfits(List.of(email), update, offerings));
    }

    @Test
    void anOfferingRetiredMeanwhileOrUnknownIsAMisfit() {
        UUID stranger = UUID.randomUUID();
        List<String> misfits = CatalogUpdateRules.misfits(List.of(email),
                new CatalogUpdate(null, null, null, List.of(bronze.id(), stranger), null, null), offerings);
        assertEquals(2, misfits.size(), misfits.toString());
        assertTrue(misfits.get(0).contains("Bronze was already retired"));
    }

    @Test
    void illegalLifecycleMovesRetiredServicesAndBadTargetsAreMisfits() {
        CatalogService retired = service("SVC0001002", Lifecycle.RETIRED);
        assertTrue(CatalogUpdateRules.misfits(List.of(retired), new CatalogUpdate("2.0", null, null, null, null, null),
                Map.of()).get(0).contains("retired"));
        assertTrue(CatalogUpdateRules.misfits(List.of(email), new CatalogUpdate(null, "PIPELINE", null, null, null,
                null), offerings).get(0).contains("cannot move from LIVE to PIPELINE"));
        assertTrue(CatalogUpdateRules.misfits(List.of(email), new CatalogUpdate(null, "ASLEEP", null, null, null,
                null), offerings).get(0).contains("not one of"));
        List<String> targets = CatalogUpdateRules.misfits(List.of(email), new CatalogUpdate(null, null, null, null,
                gold.id(), List.of(new SlaTarget("P9", 1, 1), new SlaTarget("P2", 90, 30))), offerings);
        assertEquals(2, targets.size(), targets.toString());
        assertTrue(CatalogUpdateRules.misfits(List.of(email), new CatalogUpdate(null, null, List.of("gold"), null,
                null, null), offerings).get(0).contains("already exists"));
        assertTrue(CatalogUpdateRules.misfits(List.of(email), new CatalogUpdate(null, null, null, null, null,
                List.of(new SlaTarget("P1", 1, 2))), offerings).get(0).contains("without slaOfferingId"));
    }

    private static CatalogService service(String number, Lifecycle lifecycle) {
        CatalogService service = new CatalogService();
        service.id = UUID.randomUUID();
        service.number = number;
        service.lifecycle = lifecycle;
        return service;
    }
}
