package org.itsm.incident.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.itsm.incident.IncidentTestSupport.as;
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

/** Response templates shared per assignment group (issue 17): who sees and changes them, bad input, If-Match. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class ResponseTemplateApiTest {

    private static final String TEMPLATES = "/api/v1/response-templates";

    private static RequestSpecification desk() {
        return asMember("desk-agent", List.of("service-desk"), Roles.AGENT);
    }

    private static RequestSpecification network() {
        return asMember("net-agent", List.of("network"), Roles.AGENT);
    }

    private static String json(String name, String group, String body, String language) {
        return """
                {"name": "%s", "assignmentGroup": "%s", "body": "%s"%s}
                """.formatted(name, group, body, language == null ? "" : ", \"language\": \"" + language + "\"");
    }

    private static ExtractableResponse<Response> create(RequestSpecification as, String name, String group) {
        return as.body(json(name, group, "Hello {{caller}}", "en")).post(TEMPLATES).then().statusCode(201)
                .extract();
    }

    @Test
    void membersOfTheGroupCreateReadChangeAndDeleteItsTemplates() {
        String name = "reset-" + UUID.randomUUID();
        ExtractableResponse<Response> created = create(desk(), name, "service-desk");
        String id = created.path("id");
        String etag = created.header("ETag");
        desk().get(TEMPLATES + "/{id}", id).then().statusCode(200).header("ETag", equalTo(etag))
                .body("name", equalTo(name)).body("assignmentGroup", equalTo("service-desk"))
                .body("body", equalTo("Hello {{caller}}")).body("language", equalTo("en"))
                .body("createdBy", equalTo("desk-agent"));
        desk().get(TEMPLATES).then().statusCode(200).body("id", hasItem(id));

        String changed = desk().header("If-Match", etag).body(json(name, "service-desk", "Hi {{caller}}", null))
                .put(TEMPLATES + "/{id}", id).then().statusCode(200).body("body", equalTo("Hi {{caller}}"))
                .extract().header("ETag");
        desk().header("If-Match", etag).body(json(name, "service-desk", "stale", null)).put(TEMPLATES + "/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");
        desk().header("If-Match", etag).delete(TEMPLATES + "/{id}", id).then().statusCode(412);
        desk().header("If-Match", changed).delete(TEMPLATES + "/{id}", id).then().statusCode(204);
        desk().get(TEMPLATES + "/{id}", id).then().statusCode(404);
    }

    @Test
    void anotherGroupsAgentNeitherSeesNorChangesThem() {
        String id = create(desk(), "private-" + UUID.randomUUID(), "service-desk").path("id");
        network().get(TEMPLATES).then().statusCode(200).body("id", not(hasItem(id)));
        network().get(TEMPLATES + "?assignmentGroup=service-desk").then().statusCode(200).body("id", not(hasItem(id)));
        network().get(TEMPLATES + "/{id}", id).then().statusCode(404);
        network().body(json("x", "service-desk", "x", null)).put(TEMPLATES + "/{id}", id).then().statusCode(404);
        network().delete(TEMPLATES + "/{id}", id).then().statusCode(404);
        network().body(json("theirs", "service-desk", "x", null)).post(TEMPLATES).then().statusCode(403)
                .contentType("application/problem+json");
        // moving one's own template to a group one is not in
        String own = create(network(), "own-" + UUID.randomUUID(), "network").path("id");
        network().body(json("moved", "service-desk", "x", null)).put(TEMPLATES + "/{id}", own).then()
                .statusCode(403);
    }

    @Test
    void anAdminSeesAndChangesEveryGroupsTemplates() {
        String id = create(desk(), "admin-sees-" + UUID.randomUUID(), "service-desk").path("id");
        as("admin", Roles.ADMIN).get(TEMPLATES + "?assignmentGroup=service-desk").then().statusCode(200)
                .body("id", hasItem(id));
        String netId = create(as("admin", Roles.ADMIN), "by-admin-" + UUID.randomUUID(), "network").path("id");
        network().get(TEMPLATES).then().statusCode(200).body("id", hasItem(netId));
        as("admin", Roles.ADMIN).delete(TEMPLATES + "/{id}", id).then().statusCode(204);
    }

    @Test
    void aNameIsUsedOnceInAGroupButAgainInAnother() {
        String name = "dup-" + UUID.randomUUID();
        create(desk(), name, "service-desk");
        desk().body(json(name, "service-desk", "again", null)).post(TEMPLATES).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(name));
        create(network(), name, "network");
    }

    @Test
    void theLanguageFilterKeepsThatLanguageAndTemplatesWithoutOne() {
        String prefix = "lang-" + UUID.randomUUID();
        String ko = desk().body(json(prefix + "-ko", "service-desk", "안녕하세요", "ko")).post(TEMPLATES).then()
                .statusCode(201).extract().path("id");
        String any = desk().body(json(prefix + "-any", "service-desk", "Hi", null)).post(TEMPLATES).then()
                .statusCode(201).extract().path("id");
        String en = create(desk(), prefix + "-en", "service-desk").path("id");
        desk().get(TEMPLATES + "?language=ko").then().statusCode(200).body("id", hasItems(ko, any))
                .body("id", not(hasItem(en)));
        desk().get(TEMPLATES + "?language=fr").then().statusCode(400).body("errors[0].field", equalTo("language"));
    }

    @Test
    void badInputIs400NamingTheFields() {
        desk().body("{\"name\": \"\", \"assignmentGroup\": \"service-desk\", \"body\": \"x\", \"language\": \"fr\"}")
                .post(TEMPLATES).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "language"));
        desk().body("{\"name\": \"n\", \"assignmentGroup\": \"service-desk\"}").post(TEMPLATES).then()
                .statusCode(400).body("errors.field", hasItem("body"));
        desk().body("{\"name\": \"n\", \"assignmentGroup\": \"service-desk\", \"body\": \"x\", \"colour\": 1}")
                .post(TEMPLATES).then().statusCode(400).contentType("application/problem+json");
        desk().get(TEMPLATES + "/not-a-uuid").then().statusCode(404);
    }
}
