package org.itsm.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.itsm.catalog.CatalogTestSupport.as;
import static org.itsm.catalog.CatalogTestSupport.asRequester;

import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The approvals inbox ({@code GET /requests/approvals}): exactly the requests awaiting the caller's decision. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ApprovalsInboxTest {

    private static final String INBOX = "/api/v1/requests/approvals";

    @Test
    void anApproverWithOnlyTheRequesterRoleSeesExactlyTheirPendingApprovals() {
        String manager = "max-" + UUID.randomUUID();
        String requester = "rhea-" + UUID.randomUUID();
        String byManager = RequestResourceTest.publishedItem("MANAGER", null);
        String byCatalog = RequestResourceTest.publishedItem("CATALOG_MANAGER", null);
        String first = order(requester, manager, byManager);
        String second = order(requester, manager, byManager);
        String forCatalog = order(requester, manager, byCatalog);

        as(manager, Roles.REQUESTER).get(INBOX + "?sort=number").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(first, second))
                .body("items[0].requester", equalTo(requester))
                .body("items[0].allowedActions", contains("approve", "reject"));
        // the requester, another requester and an agent (who sees every request) wait for nobody's decision here
        as(requester, Roles.REQUESTER).get(INBOX).then().statusCode(200).body("total", equalTo(0));
        as("otto-" + UUID.randomUUID(), Roles.REQUESTER).get(INBOX).then().statusCode(200).body("total", equalTo(0));
        as("agent-" + UUID.randomUUID(), Roles.AGENT).get(INBOX).then().statusCode(200).body("total", equalTo(0));

        // a problem manager may not list requests, yet sees the approvals that name them
        as(manager, Roles.PROBLEM_MANAGER).get("/api/v1/requests").then().statusCode(403);
        as(manager, Roles.PROBLEM_MANAGER).get(INBOX + "?sort=number").then().statusCode(200)
                .body("items.id", contains(first, second));

        // catalog managers (and admins) see the items whose rule names them, not a manager's approvals
        for (String role : new String[] { Roles.CATALOG_MANAGER, Roles.ADMIN }) {
            as("cm-" + UUID.randomUUID(), role).get(INBOX + "?size=100&sort=-submittedAt").then().statusCode(200)
                    .body("items.id", hasItem(forCatalog)).body("items.id", not(hasItem(first)))
                    .body("items.approvalRule", everyItem(equalTo("CATALOG_MANAGER")))
                    .body("items.state", everyItem(equalTo("AWAITING_APPROVAL")));
        }

        as(manager, Roles.REQUESTER).body("{}").post("/api/v1/requests/{id}/approve", first).then().statusCode(200);
        as(manager, Roles.REQUESTER).body("{\"comment\": \"no budget\"}").post("/api/v1/requests/{id}/reject", second)
                .then().statusCode(200);
        as(manager, Roles.REQUESTER).get(INBOX).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theInboxNeedsATokenWithAPlatformRoleAndValidPaging() {
        given().get(INBOX).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("robot", "offline_access")).get(INBOX).then()
                .statusCode(403).contentType("application/problem+json");
        as("max", Roles.REQUESTER).get(INBOX + "?sort=itemId").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        as("max", Roles.REQUESTER).get(INBOX + "?page=-1").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    private static String order(String requester, String manager, String item) {
        return asRequester(requester, manager)
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}"
                        .formatted(item))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
    }
}
