package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.itsm.catalog.domain.RequestAccess.Who;
import org.itsm.events.api.Roles;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.support.lifecycle.IllegalMoveException;
import org.junit.jupiter.api.Test;

/** The guards that moved out of the use-case classes: offerings, items, services, tasks and catalog access. */
class CatalogRulesTest {

    private static final Who REQUESTER = new Who("rita", Set.of(Roles.REQUESTER));
    private static final Who AGENT = new Who("agent", Set.of(Roles.AGENT));
    private static final Who CATALOG = new Who("cm", Set.of(Roles.CATALOG_MANAGER));
    private static final Who ADMIN = new Who("root", Set.of(Roles.ADMIN));

    @Test
    void anOfferingRetiresOnceAndThenNoLongerChanges() {
        assertEquals(OfferingStatus.RETIRED, OfferingLifecycle.apply(OfferingStatus.ACTIVE, "retire"));
        IllegalMoveException again = assertThrows(IllegalMoveException.class,
                () -> OfferingLifecycle.apply(OfferingStatus.RETIRED, "retire"));
        assertEquals("RETIRED", again.state());
        assertEquals(List.of(), again.allowedMoves());
        assertNull(OfferingLifecycle.editRefusal("Gold", OfferingStatus.ACTIVE));
        assertEquals("Offering Gold is retired and can no longer change",
                OfferingLifecycle.editRefusal("Gold", OfferingStatus.RETIRED));
    }

    @Test
    void anItemIsPublishedAndUnpublishedInTurn() {
        assertTrue(ItemPublication.apply(false, "publish"));
        assertFalse(ItemPublication.apply(true, "unpublish"));
        IllegalMoveException twice = assertThrows(IllegalMoveException.class,
                () -> ItemPublication.apply(true, "publish"));
        assertEquals("PUBLISHED", twice.state());
        assertEquals(List.of("unpublish"), twice.allowedMoves());
        assertEquals(List.of("publish"), assertThrows(IllegalMoveException.class,
                () -> ItemPublication.apply(false, "unpublish")).allowedMoves());
    }

    @Test
    void aRetiredServiceNeitherChangesNorTakesOfferings() {
        assertNull(ServiceLifecycle.editRefusal("SVC1", Lifecycle.LIVE));
        assertNull(ServiceLifecycle.newOfferingRefusal("SVC1", Lifecycle.PIPELINE));
        assertEquals("Service SVC1 is retired and can no longer change",
                ServiceLifecycle.editRefusal("SVC1", Lifecycle.RETIRED));
        assertEquals("Service SVC1 is retired: it takes no new offerings",
                ServiceLifecycle.newOfferingRefusal("SVC1", Lifecycle.RETIRED));
    }

    @Test
    void tasksAreAddedInFulfilmentAndTheLastOneClosedFulfilsTheRequest() {
        assertNull(TaskLifecycle.addRefusal("REQ1", RequestState.APPROVED));
        assertNull(TaskLifecycle.addRefusal("REQ1", RequestState.IN_FULFILMENT));
        assertEquals("Tasks are added to approved requests in fulfilment; REQ1 is FULFILLED",
                TaskLifecycle.addRefusal("REQ1", RequestState.FULFILLED));
        assertTrue(TaskLifecycle.fulfil(List.of(TaskState.DONE, TaskState.CANCELLED)));
        assertFalse(TaskLifecycle.fulfil(List.of(TaskState.DONE, TaskState.IN_PROGRESS)));
        assertFalse(TaskLifecycle.fulfil(List.of(TaskState.OPEN)));
    }

    @Test
    void catalogManagersManageAndStaffSeeUnpublishedItems() {
        assertTrue(CatalogAccess.managesCatalog(CATALOG));
        assertTrue(CatalogAccess.managesCatalog(ADMIN));
        assertFalse(CatalogAccess.managesCatalog(AGENT));
        assertFalse(CatalogAccess.managesCatalog(REQUESTER));
        CatalogItem hidden = new CatalogItem();
        hidden.published = false;
        assertTrue(CatalogAccess.sees(hidden, AGENT));
        assertTrue(CatalogAccess.sees(hidden, CATALOG));
        assertFalse(CatalogAccess.sees(hidden, REQUESTER));
        hidden.published = true;
        assertTrue(CatalogAccess.sees(hidden, REQUESTER));
    }
}
