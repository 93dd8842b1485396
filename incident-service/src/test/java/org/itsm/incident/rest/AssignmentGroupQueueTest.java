package org.itsm.incident.rest;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asMember;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;

import java.util.List;
import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The "my groups" queue (issue 17): assignmentGroup=mine reads the caller's assignment_groups claim. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class AssignmentGroupQueueTest {

    private static final String LIST = "/api/v1/incidents?q={q}&size=100";

    @Test
    void mineListsTheIncidentsOfTheCallersGroups() {
        String marker = "my-groups-" + UUID.randomUUID();
        String desk = create(marker + " desk", "service-desk");
        String network = create(marker + " network", "network");
        create(marker + " applications", "applications");
        create(marker + " no group", null);

        asMember("dana", List.of("service-desk", "network"), Roles.AGENT)
                .get(LIST + "&assignmentGroup=mine", marker).then().statusCode(200)
                .body("items.id", containsInAnyOrder(desk, network)).body("total", equalTo(2));
        asMember("dana", List.of("network"), Roles.AGENT)
                .get(LIST + "&assignmentGroup=mine&open=true", marker).then().statusCode(200)
                .body("items.id", contains(network));
        asMember("dana", List.of("network"), Roles.AGENT)
                .get(LIST + "&assignmentGroup=service-desk", marker).then().statusCode(200)
                .body("items.id", contains(desk));
    }

    @Test
    void mineWithoutTheClaimOrWithNoGroupIsAnEmptyPage() {
        String marker = "my-groups-none-" + UUID.randomUUID();
        create(marker + " desk", "service-desk");
        asAgent().get(LIST + "&assignmentGroup=mine", marker).then().statusCode(200)
                .body("items", empty()).body("total", equalTo(0));
        asMember("erin", List.of(), Roles.AGENT).get(LIST + "&assignmentGroup=mine", marker).then()
                .statusCode(200).body("items", empty()).body("total", equalTo(0));
    }

    @Test
    void theCallersGroupsAreOffered() {
        asMember("dana", List.of("service-desk", "network"), Roles.AGENT).get("/api/v1/incidents/assignment-groups")
                .then().statusCode(200).body("groups", contains("network", "service-desk"));
        asAgent().get("/api/v1/incidents/assignment-groups").then().statusCode(200).body("groups", empty());
    }

    @Test
    void aGroupValueLongerThanAGroupNameIs400NamingIt() {
        asAgent().get("/api/v1/incidents?assignmentGroup={g}", "g".repeat(121)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("assignmentGroup"));
    }

    private static String create(String shortDescription, String group) {
        String id = asAgent().body(newIncidentJson(shortDescription, 2, 2)).post("/api/v1/incidents").then()
                .statusCode(201).extract().path("id");
        if (group != null) {
            asAgent().body("{\"assignmentGroup\": \"" + group + "\"}").post("/api/v1/incidents/{id}/assign", id)
                    .then().statusCode(200);
        }
        return id;
    }
}
