package org.itsm.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.gateway.stream.EventAudience.Viewer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.core.json.JsonObject;

class EventAudienceTest {

    private static final PlatformEvent INCIDENT_OF_ANNA = event(Topics.INCIDENT, EventTypes.INCIDENT_CREATED,
            new JsonObject().put("number", "INC0001001").put("caller", "anna"));
    private static final PlatformEvent SLA_OF_ANNA = event(Topics.INCIDENT, EventTypes.INCIDENT_SLA_BREACHED,
            new JsonObject().put("number", "INC0001001").put("caller", "anna"));
    private static final PlatformEvent CHANGE_OF_ANNA = event(Topics.CHANGE, EventTypes.CHANGE_APPROVED,
            new JsonObject().put("number", "CHG0001001").put("requester", "anna"));
    private static final PlatformEvent PROBLEM = event(Topics.PROBLEM, EventTypes.PROBLEM_CREATED,
            new JsonObject().put("number", "PRB0001001"));
    private static final PlatformEvent REQUEST_OF_ANNA = event(Topics.CATALOG, EventTypes.CATALOG_REQUEST_SUBMITTED,
            new JsonObject().put("number", "REQ0001001").put("requester", "anna"));
    private static final PlatformEvent CATALOG_SERVICE = event(Topics.CATALOG, EventTypes.CATALOG_SERVICE_UPDATED,
            new JsonObject().put("number", "SVC0001001"));

    @ParameterizedTest(name = "{0} sees incident {1}, change {2}, problem {3}, request {4}, catalog service {5}")
    @CsvSource({
            "itsm-admin,           true,  true,  true,  true,  true",
            "itsm-agent,           true,  false, false, true,  false",
            "itsm-change-manager,  false, true,  false, false, false",
            "itsm-cab-member,      false, true,  false, false, false",
            "itsm-problem-manager, true,  false, true,  false, false",
            "itsm-catalog-manager, false, false, false, true,  true" })
    void eachRoleSeesItsPractice(String role, boolean incident, boolean change, boolean problem, boolean request,
            boolean catalogService) {
        Viewer viewer = new Viewer("someone-else", Set.of(role));
        assertEquals(incident, EventAudience.sees(viewer, INCIDENT_OF_ANNA), "incident");
        assertEquals(change, EventAudience.sees(viewer, CHANGE_OF_ANNA), "change");
        assertEquals(problem, EventAudience.sees(viewer, PROBLEM), "problem");
        assertEquals(request, EventAudience.sees(viewer, REQUEST_OF_ANNA), "service request");
        assertEquals(catalogService, EventAudience.sees(viewer, CATALOG_SERVICE), "catalog service");
    }

    @Test
    void aCallerSeesMentionsInCommentsOfTheirIncidentButNotInWorkNotes() {
        Viewer anna = new Viewer("anna", Set.of("itsm-requester"));
        Viewer agent = new Viewer("bob", Set.of("itsm-agent"));
        PlatformEvent inComment = event(Topics.INCIDENT, EventTypes.INCIDENT_MENTIONED, new JsonObject()
                .put("number", "INC0001001").put("caller", "anna").put("workNote", false));
        PlatformEvent inWorkNote = event(Topics.INCIDENT, EventTypes.INCIDENT_MENTIONED, new JsonObject()
                .put("number", "INC0001001").put("caller", "anna").put("workNote", true));
        assertTrue(EventAudience.sees(anna, inComment));
        assertFalse(EventAudience.sees(anna, inWorkNote));
        assertTrue(EventAudience.sees(agent, inWorkNote));
    }

    @Test
    void aRequesterSeesTheEventsOfTheirOwnRecordsOnly() {
        Viewer anna = new Viewer("anna", Set.of("itsm-requester"));
        assertTrue(EventAudience.sees(anna, INCIDENT_OF_ANNA));
        assertTrue(EventAudience.sees(anna, SLA_OF_ANNA));
        assertTrue(EventAudience.sees(anna, CHANGE_OF_ANNA));
        assertTrue(EventAudience.sees(anna, REQUEST_OF_ANNA));
        assertFalse(EventAudience.sees(anna, PROBLEM));
        assertFalse(EventAudience.sees(anna, CATALOG_SERVICE));

        Viewer bob = new Viewer("bob", Set.of("itsm-requester"));
        for (PlatformEvent event : new PlatformEvent[] { INCIDENT_OF_ANNA, SLA_OF_ANNA, CHANGE_OF_ANNA, REQUEST_OF_ANNA,
                PROBLEM, CATALOG_SERVICE }) {
            assertFalse(EventAudience.sees(bob, event), event.type());
        }
    }

    @Test
    void aRecordWithoutOwnerIsHiddenFromRequesters() {
        Viewer anna = new Viewer("anna", Set.of("itsm-requester"));
        assertFalse(EventAudience.sees(anna, event(Topics.CHANGE, EventTypes.CHANGE_IMPLEMENTED,
                new JsonObject().put("number", "CHG0001002"))));
        assertFalse(EventAudience.sees(anna, event(Topics.INCIDENT, EventTypes.INCIDENT_UPDATED,
                new JsonObject().put("caller", 42))));
    }

    @Test
    void rolesAddUp() {
        Viewer both = new Viewer("anna", Set.of("itsm-requester", "itsm-change-manager"));
        assertTrue(EventAudience.sees(both, event(Topics.CHANGE, EventTypes.CHANGE_FAILED, new JsonObject())));
        assertTrue(EventAudience.sees(both, INCIDENT_OF_ANNA));
        assertFalse(EventAudience.sees(both, PROBLEM));
    }

    @Test
    void onlyPlatformRolesMayWatch() {
        assertTrue(EventAudience.mayWatch(new Viewer("anna", Set.of("offline_access", "itsm-requester"))));
        assertFalse(EventAudience.mayWatch(new Viewer("robot", Set.of("offline_access", "uma_authorization"))));
        assertFalse(EventAudience.mayWatch(new Viewer("robot", Set.of())));
    }

    @Test
    void eventsOfOtherTopicsAreForAdminsOnly() {
        PlatformEvent other = event("itsm.billing.events", "itsm.billing.invoiced.v1", new JsonObject().put("caller", "anna"));
        assertTrue(EventAudience.sees(new Viewer("root", Set.of("itsm-admin")), other));
        assertFalse(EventAudience.sees(new Viewer("anna", Set.of("itsm-requester", "itsm-agent", "itsm-catalog-manager",
                "itsm-problem-manager", "itsm-change-manager")), other));
    }

    private static PlatformEvent event(String topic, String type, JsonObject data) {
        return new PlatformEvent(new TopicPartition(topic, 0), 0, topic + "-0:0", "id", type, "/test", null, null, data);
    }
}
