package org.itsm.incident.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.itsm.incident.IncidentTestSupport.asMember;

import java.util.List;
import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Server-side saved queue views (issue 17): owner isolation, sharing with a group, bad input. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class SavedViewApiTest {

    private static final String VIEWS = "/api/v1/saved-views";

    private static RequestSpecification owner() {
        return asMember("view-owner", List.of("service-desk", "network"), Roles.AGENT);
    }

    private static RequestSpecification colleague() {
        return asMember("view-colleague", List.of("service-desk"), Roles.AGENT);
    }

    private static RequestSpecification stranger() {
        return asMember("view-stranger", List.of("applications"), Roles.AGENT);
    }

    private static String json(String name, String sharedWith) {
        return """
                {"name": "%s", "filters": {"assignmentGroup": "mine", "open": "true", "sort": "slaDue"}%s}
                """.formatted(name, sharedWith == null ? "" : ", \"sharedWith\": \"" + sharedWith + "\"");
    }

    private static ExtractableResponse<Response> create(String name, String sharedWith) {
        return owner().body(json(name, sharedWith)).post(VIEWS).then().statusCode(201).extract();
    }

    @Test
    void anotherAgentCannotReadOrChangeAPrivateView() {
        String name = "private-" + UUID.randomUUID();
        ExtractableResponse<Response> created = create(name, null);
        String id = created.path("id");
        owner().get(VIEWS + "/{id}", id).then().statusCode(200).body("name", equalTo(name))
                .body("filters.assignmentGroup", equalTo("mine")).body("filters.open", equalTo("true"))
                .body("mine", equalTo(true)).body("owner", equalTo("view-owner"));
        owner().get(VIEWS).then().statusCode(200).body("id", hasItem(id));

        colleague().get(VIEWS + "/{id}", id).then().statusCode(404).contentType("application/problem+json");
        colleague().get(VIEWS).then().statusCode(200).body("id", not(hasItem(id)));
        colleague().body(json("taken", null)).put(VIEWS + "/{id}", id).then().statusCode(404);
        colleague().delete(VIEWS + "/{id}", id).then().statusCode(404);
        owner().get(VIEWS + "/{id}", id).then().statusCode(200).body("name", equalTo(name));
    }

    @Test
    void aSharedViewIsSeenReadOnlyByTheGroupsMembersOnly() {
        ExtractableResponse<Response> created = create("shared-" + UUID.randomUUID(), "service-desk");
        String id = created.path("id");
        colleague().get(VIEWS).then().statusCode(200).body("id", hasItem(id));
        colleague().get(VIEWS + "/{id}", id).then().statusCode(200).body("sharedWith", equalTo("service-desk"))
                .body("mine", equalTo(false)).body("owner", equalTo("view-owner"));
        colleague().body(json("mine now", null)).put(VIEWS + "/{id}", id).then().statusCode(403)
                .contentType("application/problem+json");
        colleague().delete(VIEWS + "/{id}", id).then().statusCode(403);
        stranger().get(VIEWS + "/{id}", id).then().statusCode(404);
        stranger().get(VIEWS).then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void theOwnerChangesAndDeletesWithIfMatch() {
        String name = "changing-" + UUID.randomUUID();
        ExtractableResponse<Response> created = create(name, null);
        String id = created.path("id");
        String etag = created.header("ETag");
        String changed = owner().header("If-Match", etag).body(json(name, "network")).put(VIEWS + "/{id}", id)
                .then().statusCode(200).body("sharedWith", equalTo("network")).extract().header("ETag");
        owner().header("If-Match", etag).body(json(name, null)).put(VIEWS + "/{id}", id).then().statusCode(412);
        owner().header("If-Match", etag).delete(VIEWS + "/{id}", id).then().statusCode(412);
        owner().header("If-Match", changed).delete(VIEWS + "/{id}", id).then().statusCode(204);
        owner().get(VIEWS + "/{id}", id).then().statusCode(404);
    }

    @Test
    void aNameIsUsedOncePerOwner() {
        String name = "twice-" + UUID.randomUUID();
        create(name, null);
        owner().body(json(name, null)).post(VIEWS).then().statusCode(409).contentType("application/problem+json");
        colleague().body(json(name, null)).post(VIEWS).then().statusCode(201);
    }

    @Test
    void badInputIs400NamingTheFields() {
        owner().body("{\"name\": \"bad\", \"filters\": {\"colour\": \"red\", \"state\": \"DONE\", \"page\": \"2\"}}")
                .post(VIEWS).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("filters.colour", "filters.state", "filters.page"));
        owner().body(json("bad share", "applications")).post(VIEWS).then().statusCode(400)
                .body("errors[0].field", equalTo("sharedWith"));
        owner().body("{\"name\": \"\", \"filters\": {}}").post(VIEWS).then().statusCode(400)
                .body("errors.field", hasItem("name"));
        owner().body("{\"name\": \"no filters\"}").post(VIEWS).then().statusCode(400)
                .body("errors.field", hasItem("filters"));
        owner().body("{\"name\": \"x\", \"filters\": {}, \"colour\": 1}").post(VIEWS).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
