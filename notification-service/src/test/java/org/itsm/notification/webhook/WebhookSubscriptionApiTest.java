package org.itsm.notification.webhook;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static io.restassured.RestAssured.given;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.notification.MailServerResource;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The subscriptions API: the secret shown once, checked input, If-Match, private targets refused, admins only. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class WebhookSubscriptionApiTest {

    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() throws Exception {
        receiver.close();
    }

    private static String body(String url, String eventTypes) {
        return "{\"url\": \"" + url + "\", \"eventTypes\": " + eventTypes + ", \"active\": false}";
    }

    @Test
    void aSubscriptionShowsItsGeneratedSecretOnceAndKeepsTheNormalisedFilter() {
        Response created = as("admin", Roles.ADMIN).body(body(receiver.url("/api-a"), "[\"incident.*\", \"itsm.change.approved.v1\"]"))
                .post("/api/v1/webhooks");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_"))
                .body("eventTypes", contains("itsm.incident.*", "itsm.change.approved.v1"))
                .body("active", equalTo(false))
                .body("createdBy", equalTo("admin"));
        String id = created.path("id");

        as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("$", not(hasKey("secret")))
                .body("url", equalTo(receiver.url("/api-a")))
                .body("failing", equalTo(false));
        as("admin", Roles.ADMIN).get("/api/v1/webhooks").then().statusCode(200)
                .body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }", not(hasKey("secret")));
        delete(id);
    }

    @Test
    void aGivenSecretIsUsedAndAnUnusableOneRefused() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = as("admin", Roles.ADMIN).body("{\"url\": \"" + receiver.url("/api-b") + "\", \"eventTypes\": [\"*\"],"
                + " \"secret\": \"" + secret + "\", \"active\": false}").post("/api/v1/webhooks")
                .then().statusCode(201).body("secret", equalTo(secret)).extract().path("id");
        delete(id);
        as("admin", Roles.ADMIN).body("{\"url\": \"" + receiver.url("/api-b") + "\", \"eventTypes\": [\"*\"],"
                + " \"secret\": \"hunter2\"}").post("/api/v1/webhooks")
                .then().statusCode(400).body("errors.field", contains("secret"));
    }

    @Test
    void badUrlsFiltersAndBodiesAre400ProblemsNamingTheFields() {
        as("admin", Roles.ADMIN).body("{\"url\": \"ftp://hooks.example.com/x\", \"eventTypes\": [\"ticket.*\", \"incident.*\"]}")
                .post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://itsm.dev/problems/validation"))
                .body("errors.field", containsInAnyOrder("url", "eventTypes"))
                .body("errors.find { it.field == 'eventTypes' }.message", containsString("ticket.*"));
        as("admin", Roles.ADMIN).body("{\"eventTypes\": []}").post("/api/v1/webhooks").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("url", "eventTypes"));
        as("admin", Roles.ADMIN).body(body(receiver.url("/api-c"), "[\"*\"]").replace("}", ", \"colour\": \"red\"}"))
                .post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        as("admin", Roles.ADMIN).post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json");
        as("admin", Roles.ADMIN).body("{\"url\": \"https://user:pw@hooks.example.com/\", \"eventTypes\": [\"*\"]}")
                .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", contains("url"));
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefusedAtSubscribeTime() {
        for (String url : new String[] { "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]:8080/hook", "http://192.168.0.10/", "http://224.0.0.1/" }) {
            as("admin", Roles.ADMIN).body(body(url, "[\"*\"]")).post("/api/v1/webhooks").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("not allowed"));
        }
        // ...and on a change too
        String id = create("/api-d");
        as("admin", Roles.ADMIN).body("{\"url\": \"http://172.16.0.1/\"}").patch("/api/v1/webhooks/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        delete(id);
    }

    @Test
    void changesHonourIfMatchAndAStaleOneIs412() {
        String id = create("/api-e");
        as("admin", Roles.ADMIN).header("If-Match", "\"7\"").body("{\"description\": \"CMDB sync\"}")
                .patch("/api/v1/webhooks/" + id).then().statusCode(412)
                .contentType("application/problem+json");
        as("admin", Roles.ADMIN).header("If-Match", "\"0\"").body("{\"description\": \"CMDB sync\", \"eventTypes\": [\"change.*\"]}")
                .patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("description", equalTo("CMDB sync"))
                .body("eventTypes", contains("itsm.change.*"))
                .body("$", not(hasKey("secret")));
        as("admin", Roles.ADMIN).body("{\"eventTypes\": [\"nothing.*\"]}").patch("/api/v1/webhooks/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        as("admin", Roles.ADMIN).body("{\"enabled\": true}").patch("/api/v1/webhooks/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("enabled"));
        as("admin", Roles.ADMIN).header("If-Match", "\"0\"").delete("/api/v1/webhooks/" + id).then().statusCode(412);
        as("admin", Roles.ADMIN).header("If-Match", "\"1\"").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        as("admin", Roles.ADMIN).body("{\"active\": true}").patch("/api/v1/webhooks/" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    @Test
    void onlyAdministratorsMaySeeOrManageWebhooks() {
        String id = create("/api-f");
        String deliveries = "/api/v1/webhooks/" + id + "/deliveries";
        Set<String> admins = Set.of(Roles.ADMIN);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", "/api/v1/webhooks", admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("POST", "/api/v1/webhooks", admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", "/api/v1/webhooks/" + id, admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("PATCH", "/api/v1/webhooks/" + id, admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("DELETE", "/api/v1/webhooks/" + id, admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", deliveries, admins);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("POST", deliveries + "/" + UUID.randomUUID() + "/replay",
                admins);
        as("admin", Roles.ADMIN).get(deliveries).then().statusCode(200).body("total", equalTo(0));
        as("admin", Roles.ADMIN).get("/api/v1/webhooks/" + id).then().statusCode(200).body("id", notNullValue());
        delete(id);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDocumentShowsEachWebhookOperationsSuccessSchemaUnderAUniqueId() {
        String document = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        Map<String, Map<String, Object>> paths = JsonPath.from(document).getMap("paths");
        Set<String> ids = new HashSet<>();
        List<String> undocumented = new ArrayList<>();
        int webhookOperations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                    continue;
                }
                assertTrue(ids.add((String) op.get("operationId")), "duplicate operationId " + op.get("operationId"));
                if (!path.getKey().startsWith("/api/v1/webhooks") || operation.getKey().equals("delete")) {
                    continue;
                }
                webhookOperations++;
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                boolean documented = responses.entrySet().stream().anyMatch(response -> response.getKey()
                        .startsWith("2") && response.getValue().get("content") instanceof Map<?, ?> content
                        && content.values().stream().anyMatch(media -> media instanceof Map<?, ?> type
                                && type.get("schema") != null));
                if (!documented) {
                    undocumented.add(operation.getKey().toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), undocumented);
        assertEquals(6, webhookOperations);
    }

    private static String create(String path) {
        return as("admin", Roles.ADMIN).body(body(receiver.url(path), "[\"*\"]")).post("/api/v1/webhooks").then()
                .statusCode(201).extract().path("id");
    }

    private static void delete(String id) {
        as("admin", Roles.ADMIN).delete("/api/v1/webhooks/" + id).then().statusCode(204);
    }
}
