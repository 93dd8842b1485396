package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.itsm.events.catalog.Lifecycle;
import org.junit.jupiter.api.Test;

class CatalogServiceTest {

    @Test
    void aProblemMayNameAServiceInThePipelineOrLiveButNotARetiredOrUnknownOne() {
        assertTrue(CatalogService.admits(service(Lifecycle.PIPELINE)));
        assertTrue(CatalogService.admits(service(Lifecycle.LIVE)));
        assertFalse(CatalogService.admits(service(Lifecycle.RETIRED)));
        assertFalse(CatalogService.admits(null));
    }

    private static CatalogService service(Lifecycle lifecycle) {
        CatalogService service = new CatalogService();
        service.lifecycle = lifecycle.name();
        return service;
    }
}
