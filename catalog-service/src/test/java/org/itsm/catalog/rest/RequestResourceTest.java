package org.itsm.catalog.rest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.itsm.catalog.CatalogTestSupport.as;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.asRequester;
import static org.itsm.catalog.CatalogTestSupport.createService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.catalog.TestClock;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class RequestResourceTest {

    static final String LAPTOP_FORM = """
            {"type": "object", "required": ["model", "costCentre"], "additionalProperties": false,
             "properties": {
               "model": {"type": "string", "enum": ["13-inch", "15-inch"]},
               "costCentre": {"type": "string", "pattern": "^CC[0-9]{4}$"},
               "quantity": {"type": "integer", "minimum": 1, "maximum": 5}}}""";

    @Test
    void managerApprovedRequestIsFulfilledByAnAgentAndClosedByTheRequester() {
        String item = publishedItem("MANAGER", null);
        var submitted = asRequester("rita", "mike")
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}".formatted(item))
                .post("/api/v1/requests").then().statusCode(201)
                .header("ETag", notNullValue())
                .body("number", matchesPattern("REQ\\d{7}"))
                .body("state", equalTo("AWAITING_APPROVAL"))
                .body("requester", equalTo("rita"))
                .body("approver", equalTo("mike"))
                .body("fields.model", equalTo("13-inch"))
                // the requester is not offered the decision: only the designated approver is
                .body("allowedActions", contains("cancel"))
                .extract();
        String id = submitted.path("id");
        String number = submitted.path("number");
        // neither an agent, nor a catalog manager, nor the requester may approve: only mike (or an admin)
        asAgent().post("/api/v1/requests/{id}/approve", id).then().statusCode(403)
                .contentType("application/problem+json");
        asCatalogManager().post("/api/v1/requests/{id}/approve", id).then().statusCode(403);
        asRequester("rita", "mike").post("/api/v1/requests/{id}/approve", id).then().statusCode(403);
        as("mike", Roles.REQUESTER).get("/api/v1/requests?awaitingMe=true").then().statusCode(200)
                .body("items.id", hasItems(id));
        as("mike", Roles.REQUESTER).get("/api/v1/requests/{id}", id).then().statusCode(200)
                .body("allowedActions", contains("approve", "reject"))
                .body("moves.find { it.action == 'reject' }.requiredFields", contains("comment"));
        asAgent().get("/api/v1/requests/{id}", id).then().body("allowedActions", contains("cancel"));
        as("mike", Roles.REQUESTER).body("{\"comment\": \"ok\"}").post("/api/v1/requests/{id}/approve", id).then()
                .statusCode(200).body("state", equalTo("APPROVED")).body("decidedBy", equalTo("mike"));

        String task = asAgent().get("/api/v1/requests/{id}/tasks", id).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].assignmentGroup", equalTo("desktop"))
                .body("[0].state", equalTo("OPEN")).body("[0].allowedActions", contains("start"))
                .extract().path("[0].id");
        // a task is started before it is completed; the 409 names the endpoints that are allowed
        asAgent().post("/api/v1/requests/{id}/tasks/{task}/complete", id, task).then().statusCode(409)
                .contentType("application/problem+json").body("allowedMoves", contains("start"));
        asAgent().get("/api/v1/requests/{id}", id).then().body("state", equalTo("APPROVED"));
        asRequester("rita", "mike").post("/api/v1/requests/{id}/close", id).then().statusCode(409)
                .body("allowedMoves", contains("cancel"));
        asAgent().post("/api/v1/requests/{id}/tasks/{task}/start", id, task).then().statusCode(200)
                .body("assignee", equalTo("agent")).body("state", equalTo("IN_PROGRESS"));
        asAgent().get("/api/v1/requests/{id}", id).then().body("state", equalTo("IN_FULFILMENT"));
        String extra = asAgent().body("{\"title\": \"Install software\"}").post("/api/v1/requests/{id}/tasks", id)
                .then().statusCode(201).extract().path("id");
        asAgent().body("{\"notes\": \"handed over\"}").post("/api/v1/requests/{id}/tasks/{task}/complete", id, task)
                .then().statusCode(200).body("state", equalTo("DONE"));
        asAgent().get("/api/v1/requests/{id}", id).then().body("state", equalTo("IN_FULFILMENT"));
        asAgent().post("/api/v1/requests/{id}/tasks/{task}/start", id, extra).then().statusCode(200);
        asAgent().post("/api/v1/requests/{id}/tasks/{task}/complete", id, extra).then().statusCode(200);
        asAgent().get("/api/v1/requests/{id}", id).then().body("state", equalTo("FULFILLED"))
                .body("fulfilledAt", notNullValue());
        asRequester("rita", "mike").post("/api/v1/requests/{id}/cancel", id).then().statusCode(409)
                .body("allowedMoves", contains("close"));
        asRequester("rita", "mike").post("/api/v1/requests/{id}/close", id).then().statusCode(200)
                .body("state", equalTo("CLOSED"));
        asRequester("rita", "mike").get("/api/v1/requests/{id}/history", id).then().statusCode(200)
                .body("findAll { it.field == 'state' }.to", contains("SUBMITTED", "AWAITING_APPROVAL", "APPROVED",
                        "IN_FULFILMENT", "FULFILLED", "CLOSED"))
                .body("find { it.field == 'decision' }.to", equalTo("approved"))
                .body("find { it.field == 'decision' }.actor", equalTo("mike"))
                .body("findAll { it.field == 'task' }.to", contains("Fulfil Laptop (OPEN)",
                        "Fulfil Laptop (IN_PROGRESS)", "Install software (OPEN)", "Fulfil Laptop (DONE)",
                        "Install software (IN_PROGRESS)", "Install software (DONE)"));

        try (KafkaTopicReader reader = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            ConsumerRecord<String, String> record = reader.await(r -> id.equals(r.key())
                    && EventTypes.CATALOG_REQUEST_SUBMITTED.equals(KafkaTopicReader.header(r, "ce_type")), 1,
                    Duration.ofSeconds(15)).get(0);
            assertEquals(number, KafkaTopicReader.header(record, "ce_subject"));
            assertEquals("rita", io.restassured.path.json.JsonPath.from(record.value()).getString("requester"));
            assertEquals(number, io.restassured.path.json.JsonPath.from(record.value()).getString("number"));
            reader.await(r -> id.equals(r.key())
                    && EventTypes.CATALOG_REQUEST_FULFILLED.equals(KafkaTopicReader.header(r, "ce_type")), 1,
                    Duration.ofSeconds(15));
        }
    }

    @Test
    void formValidationNamesEachInvalidField() {
        String item = publishedItem("NONE", null);
        asRequester("rita", "mike")
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"17-inch\", \"quantity\": 9, \"colour\": \"red\"}}"
                        .formatted(item))
                .post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("fields.model", "fields.costCentre", "fields.quantity"))
                .body("errors.find { it.field == 'fields.model' }.message", notNullValue());
        asRequester("rita", "mike").body("{\"itemId\": \"%s\"}".formatted(item)).post("/api/v1/requests").then()
                .statusCode(400).body("errors[0].field", equalTo("fields"));
        asRequester("rita", "mike").body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"%s\"}}"
                .formatted(item, "x".repeat(70000))).post("/api/v1/requests").then().statusCode(400)
                .body("errors[0].field", equalTo("fields"));
        asRequester("rita", "mike").body("{\"itemId\": \"%s\", \"fields\": {}}".formatted(UUID.randomUUID()))
                .post("/api/v1/requests").then().statusCode(400).body("errors[0].field", equalTo("itemId"));
    }

    @Test
    void itemWithoutApprovalGoesStraightToFulfilmentAndIsDueOnTheOfferingsCalendar() {
        String service = createService("Hardware " + UUID.randomUUID());
        String offering = asCatalogManager().body("""
                {"name": "Desk-side", "businessHours": {"timeZone": "UTC",
                 "workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"], "start": "09:00", "end": "17:00"}}""")
                .post("/api/v1/catalog/services/{id}/offerings", service).then().statusCode(201).extract().path("id");
        String item = publishedItem("NONE", offering);
        // ordered on Friday 2026-11-27 at 14:00 UTC: 16 working hours of 8 a day are 3 on Friday, 8 on Monday
        // and 5 on Tuesday, so it is due on Tuesday at 14:00
        TestClock.setTo(Instant.parse("2026-11-27T14:00:00Z"));
        try {
            asRequester("sam", "mike")
                    .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"15-inch\", \"costCentre\": \"CC0001\"}}".formatted(item))
                    .post("/api/v1/requests").then().statusCode(201)
                    .body("state", equalTo("APPROVED")).body("approver", equalTo(null))
                    .body("submittedAt", equalTo("2026-11-27T14:00:00Z"))
                    .body("dueAt", equalTo("2026-12-01T14:00:00Z"));
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void catalogManagerApprovesWhenTheRuleSaysSoAndRequestersSeeOnlyTheirOwn() {
        String item = publishedItem("CATALOG_MANAGER", null);
        String id = asRequester("tom", "mike")
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1111\"}}".formatted(item))
                .post("/api/v1/requests").then().statusCode(201).body("approver", equalTo(null)).extract().path("id");
        as("mike", Roles.REQUESTER).post("/api/v1/requests/{id}/approve", id).then().statusCode(404);
        asRequester("eve", "mike").get("/api/v1/requests/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        asRequester("eve", "mike").get("/api/v1/requests").then().statusCode(200)
                .body("items.findAll { it.requester != 'eve' }.size()", equalTo(0));
        asCatalogManager().body("{}").post("/api/v1/requests/{id}/reject", id).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        asCatalogManager().body("{\"comment\": \"use the standard model\"}").post("/api/v1/requests/{id}/reject", id)
                .then().statusCode(200).body("state", equalTo("REJECTED")).body("allowedActions.size()", equalTo(0));
        asCatalogManager().get("/api/v1/requests/{id}/history", id).then().statusCode(200)
                .body("find { it.field == 'decision' }.to", equalTo("rejected"))
                .body("find { it.field == 'decisionComment' }.to", equalTo("use the standard model"))
                .body("find { it.field == 'decisionComment' }.actor", equalTo("catalog-manager"));
    }

    @Test
    void managerRuleNeedsAManagerInTheProfileAndUnpublishedItemsCannotBeOrdered() {
        String item = publishedItem("MANAGER", null);
        as("orphan", Roles.REQUESTER)
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}".formatted(item))
                .post("/api/v1/requests").then().statusCode(422).contentType("application/problem+json");
        asCatalogManager().post("/api/v1/catalog/items/{id}/unpublish", item).then().statusCode(200)
                .body("published", equalTo(false));
        asRequester("rita", "mike").get("/api/v1/catalog/items/{id}", item).then().statusCode(404);
        asRequester("rita", "mike")
                .body("{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC1234\"}}".formatted(item))
                .post("/api/v1/requests").then().statusCode(400).body("errors[0].field", equalTo("itemId"));
        asCatalogManager().post("/api/v1/catalog/items/{id}/unpublish", item).then().statusCode(409);
    }

    @Test
    void itemFormsMustBeValidSchemas() {
        asCatalogManager().body("""
                {"name": "Broken", "form": {"type": "object", "properties": {"x": {"type": 5}}},
                 "approvalRule": "NONE", "fulfilmentGroup": "desktop", "expectedDeliveryHours": 8}""")
                .post("/api/v1/catalog/items").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("form"));
        asCatalogManager().body("""
                {"name": "Broken", "form": {"type": "object"}, "approvalRule": "SOMETIMES",
                 "fulfilmentGroup": "desktop", "expectedDeliveryHours": 8}""")
                .post("/api/v1/catalog/items").then().statusCode(400).body("errors[0].field", equalTo("approvalRule"));
        asCatalogManager().body("{\"name\": \"Broken\"}").post("/api/v1/catalog/items").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("form", "approvalRule", "fulfilmentGroup",
                        "expectedDeliveryHours"));
    }

    @Test
    void idempotentSubmissionAndSummary() {
        String item = publishedItem("NONE", null);
        String key = UUID.randomUUID().toString();
        String body = "{\"itemId\": \"%s\", \"fields\": {\"model\": \"13-inch\", \"costCentre\": \"CC2222\"}}".formatted(item);
        String first = asRequester("ida", "mike").header("Idempotency-Key", key).body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
        asRequester("ida", "mike").header("Idempotency-Key", key).body(body).post("/api/v1/requests").then()
                .statusCode(200).body("id", equalTo(first));
        asAgent().get("/api/v1/requests/summary").then().statusCode(200)
                .body("byState.APPROVED", greaterThanOrEqualTo(1))
                .body("onTimePercent", notNullValue());
        asAgent().get("/api/v1/requests?state=LOST").then().statusCode(400).body("errors[0].field", equalTo("state"));
        String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
        assertTrue(metrics.contains("itsm_requests_submitted_total"), "submitted counter");
        assertTrue(metrics.contains("itsm_requests{state=\"APPROVED\"}"), "requests by state");
    }

    /** Creates and publishes an item with the laptop form; returns its id. */
    static String publishedItem(String approvalRule, String offeringId) {
        String id = asCatalogManager().body("""
                {"name": "Laptop", "category": "hardware", "form": %s, "approvalRule": "%s",
                 "fulfilmentGroup": "desktop", "expectedDeliveryHours": 16, "offeringId": %s}"""
                .formatted(LAPTOP_FORM, approvalRule, offeringId == null ? "null" : "\"" + offeringId + "\""))
                .post("/api/v1/catalog/items").then().statusCode(201).body("published", equalTo(false))
                .extract().path("id");
        asCatalogManager().post("/api/v1/catalog/items/{id}/publish", id).then().statusCode(200)
                .body("published", equalTo(true));
        return id;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
