package org.itsm.catalog.messaging;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.catalog.CatalogTestSupport.asAgent;
import static org.itsm.catalog.CatalogTestSupport.asCatalogManager;
import static org.itsm.catalog.CatalogTestSupport.createLiveService;
import static org.itsm.catalog.CatalogTestSupport.createOffering;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The change → catalog flow against the real broker: change events in, catalog events out, exactly once. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ChangeFlowTest {

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    @Test
    void approvedMarksThePlannedChangeAndImplementedAppliesTheUpdateOnceEvenWhenRedelivered() {
        String serviceId = createLiveService("Email " + UUID.randomUUID());
        String offeringId = createOffering(serviceId, "Email Gold");
        UUID changeId = UUID.randomUUID();
        String number = "CHG" + (1000000 + (int) (Math.random() * 8999999));
        String approvedEvent = UUID.randomUUID().toString();
        String implementedEvent = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader catalogTopic = new KafkaTopicReader(bootstrap(), Topics.CATALOG)) {
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.CHANGE, changeId.toString(), approvedEvent, EventTypes.CHANGE_APPROVED,
                        EventSource.CHANGE_SERVICE, number, change(changeId, number, "SCHEDULED", serviceId, offeringId,
                                "null"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then().statusCode(200)
                    .body("plannedChanges.changeNumber", contains(number, number))
                    .body("plannedChanges.offeringId", hasItem(offeringId))
                    .body("plannedChanges[0].plannedStart", equalTo("2026-12-01T20:00:00Z"))
                    .body("plannedChanges[0].summary", equalTo("Upgrade mail platform")));

            String update = """
                    {"version": "2.0", "offeringsAdded": [{"serviceId": "%s", "name": "Email Platinum"}],
                     "slaOfferingId": "%s",
                     "slaTargets": [{"priority": "P2", "responseMinutes": 20, "resolutionMinutes": 300}]}"""
                    .formatted(serviceId, offeringId);
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.CHANGE, changeId.toString(), implementedEvent, EventTypes.CHANGE_IMPLEMENTED,
                        EventSource.CHANGE_SERVICE, number, change(changeId, number, "REVIEW", serviceId, offeringId,
                                update));
            }
            // the same change announced again under a new event id is recognised, not applied twice
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_IMPLEMENTED,
                    EventSource.CHANGE_SERVICE, number, change(changeId, number, "REVIEW", serviceId, offeringId,
                            update));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then().statusCode(200)
                    .body("version", equalTo("2.0"))
                    .body("plannedChanges", empty()));
            ConsumerRecord<String, String> updated = catalogTopic.await(record -> serviceId.equals(record.key())
                    && EventTypes.CATALOG_SERVICE_UPDATED.equals(KafkaTopicReader.header(record, "ce_type"))
                    && record.value().contains(number), 1, Duration.ofSeconds(15)).get(0);
            assertEquals("2.0", io.restassured.path.json.JsonPath.from(updated.value()).getString("version"));
            assertEquals(number,
                    io.restassured.path.json.JsonPath.from(updated.value()).getString("appliedChangeNumber"));
            assertEquals(EventSource.CATALOG_SERVICE, KafkaTopicReader.header(updated, "ce_source"));
            assertNotNull(KafkaTopicReader.header(updated, "ce_id"));
            catalogTopic.await(record -> serviceId.equals(record.key())
                    && EventTypes.CATALOG_CHANGE_APPLIED.equals(KafkaTopicReader.header(record, "ce_type")),
                    1, Duration.ofSeconds(15));
        }
        // the redelivery had no second effect: one offering added, one history entry naming the change
        Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            asAgent().get("/api/v1/catalog/services/{id}/offerings", serviceId).then().statusCode(200)
                    .body("findAll { it.name == 'Email Platinum' }", hasSize(1))
                    .body("find { it.id == '%s' }.slaTargets.priority".formatted(offeringId), contains("P1", "P2"));
            asAgent().get("/api/v1/catalog/services/{id}", serviceId).then().body("rejectedChangeUpdates", empty());
            asAgent().get("/api/v1/catalog/services/{id}/history", serviceId).then().statusCode(200)
                    .body("findAll { it.field == 'appliedChange' }", hasSize(1))
                    .body("find { it.field == 'version' && it.to == '2.0' }.actor", equalTo(number))
                    // the planned mark's removal on implementation is recorded, like a cancelled change's
                    .body("findAll { it.field == 'plannedChange' && it.to == null }.actor", contains(number));
            asAgent().get("/api/v1/catalog/services/{id}/offerings/{o}/history", serviceId, offeringId).then()
                    .body("findAll { it.field == 'plannedChange' && it.to == null }.actor", contains(number));
        });
    }

    @Test
    void anAddedOfferingIsCreatedOnlyOnTheServiceItNames() {
        String mailId = createLiveService("Mail " + UUID.randomUUID());
        String chatId = createLiveService("Chat " + UUID.randomUUID());
        UUID changeId = UUID.randomUUID();
        String update = """
                {"offeringsAdded": [{"serviceId": "%s", "name": "Chat Premium"}]}""".formatted(chatId);
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(),
                    EventTypes.CHANGE_IMPLEMENTED, EventSource.CHANGE_SERVICE, "CHG0009003",
                    change(changeId, "CHG0009003", "REVIEW", mailId, null, update)
                            .replace("\"affectedServiceIds\": [\"%s\"]".formatted(mailId),
                                    "\"affectedServiceIds\": [\"%s\", \"%s\"]".formatted(mailId, chatId)));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/catalog/services/{id}/offerings", chatId).then().statusCode(200)
                .body("name", contains("Chat Premium")));
        asAgent().get("/api/v1/catalog/services/{id}/offerings", mailId).then().statusCode(200).body("$", empty());
        asAgent().get("/api/v1/catalog/services/{id}/history", mailId).then()
                .body("findAll { it.field == 'appliedChange' }.actor", contains("CHG0009003"));
    }

    @Test
    void anAddedOfferingNamingNoServiceIsRejected() {
        String serviceId = createLiveService("Wiki " + UUID.randomUUID());
        UUID changeId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.CHANGE))) {
            sender.send(Topics.CHANGE, changeId.toString(), eventId, EventTypes.CHANGE_IMPLEMENTED,
                    EventSource.CHANGE_SERVICE, "CHG0009004", change(changeId, "CHG0009004", "REVIEW", serviceId,
                            null, "{\"offeringsAdded\": [\"Wiki Gold\"]}"));
            List<ConsumerRecord<String, String>> parked = deadLetters.await(
                    record -> eventId.equals(KafkaTopicReader.header(record, "ce_id")), 1, Duration.ofSeconds(20));
            assertTrue(KafkaTopicReader.header(parked.get(0), "dead-letter-reason")
                    .contains("catalogUpdate.offeringsAdded[0].serviceId"),
                    KafkaTopicReader.header(parked.get(0), "dead-letter-reason"));
        }
        asAgent().get("/api/v1/catalog/services/{id}/offerings", serviceId).then().statusCode(200).body("$", empty());
    }

    @Test
    void reapprovalMovesTheMarkAndCancellationRemovesIt() {
        String serviceId = createLiveService("Intranet " + UUID.randomUUID());
        UUID changeId = UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_APPROVED,
                    EventSource.CHANGE_SERVICE, "CHG0009001", change(changeId, "CHG0009001", "SCHEDULED", serviceId,
                            null, "null"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then()
                    .body("plannedChanges.changeNumber", contains("CHG0009001")));
            // approved again after a re-plan (a new event): still one mark, at the new window
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_APPROVED,
                    EventSource.CHANGE_SERVICE, "CHG0009001", change(changeId, "CHG0009001", "SCHEDULED", serviceId,
                            null, "null").replace("2026-12-01T20:00:00Z", "2026-12-08T20:00:00Z"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then()
                    .body("plannedChanges.plannedStart", contains("2026-12-08T20:00:00Z")));
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_CANCELLED,
                    EventSource.CHANGE_SERVICE, "CHG0009001", change(changeId, "CHG0009001", "CANCELLED", serviceId,
                            null, "null"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/catalog/services/{id}", serviceId).then().body("plannedChanges", empty()));
        asAgent().get("/api/v1/catalog/services/{id}/history", serviceId).then()
                .body("findAll { it.field == 'plannedChange' }.actor", contains("CHG0009001", "CHG0009001"));
    }

    @Test
    void aWindowMovedAfterApprovalTakesTheMarkAwayUntilTheChangeIsApprovedAgain() {
        String serviceId = createLiveService("Wiki " + UUID.randomUUID());
        UUID changeId = UUID.randomUUID();
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_APPROVED,
                    EventSource.CHANGE_SERVICE, "CHG0009003", change(changeId, "CHG0009003", "SCHEDULED", serviceId,
                            null, "null"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then()
                    .body("plannedChanges.changeNumber", contains("CHG0009003")));
            // the window moved and the change went back to Authorize (other updates keep it: PlannedMarksTest)
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_UPDATED,
                    EventSource.CHANGE_SERVICE, "CHG0009003", updated(change(changeId, "CHG0009003", "AUTHORIZE",
                            serviceId, null, "null").replace("2026-12-01T20:00:00Z", "2026-12-08T20:00:00Z"),
                            "[\"plannedStart\", \"plannedEnd\"]"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                .get("/api/v1/catalog/services/{id}", serviceId).then().body("plannedChanges", empty()));
        asAgent().get("/api/v1/catalog/services/{id}/history", serviceId).then()
                .body("findAll { it.field == 'plannedChange' }.to", contains(containsString("CHG0009003"), nullValue()));
    }

    private static String updated(String change, String changedFields) {
        return change.substring(0, change.lastIndexOf('}')) + ", \"changedFields\": " + changedFields + "}";
    }

    @Test
    void updateThatNoLongerFitsGoesToTheDeadLetterTopicAndShowsOnTheService() {
        String serviceId = createLiveService("Payroll " + UUID.randomUUID());
        String offeringId = createOffering(serviceId, "Payroll Standard");
        asCatalogManager().post("/api/v1/catalog/services/{id}/offerings/{offering}/retire", serviceId, offeringId)
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        UUID changeId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String update = "{\"version\": \"3.0\", \"offeringsRetired\": [\"%s\"]}".formatted(offeringId);
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.CHANGE))) {
            sender.send(Topics.CHANGE, changeId.toString(), UUID.randomUUID().toString(), EventTypes.CHANGE_APPROVED,
                    EventSource.CHANGE_SERVICE, "CHG0009002", change(changeId, "CHG0009002", "SCHEDULED", serviceId,
                            null, "null"));
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> asAgent()
                    .get("/api/v1/catalog/services/{id}", serviceId).then()
                    .body("plannedChanges.changeNumber", contains("CHG0009002")));
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.CHANGE, changeId.toString(), eventId, EventTypes.CHANGE_IMPLEMENTED,
                        EventSource.CHANGE_SERVICE, "CHG0009002", change(changeId, "CHG0009002", "REVIEW", serviceId,
                                null, update));
            }
            List<ConsumerRecord<String, String>> parked = deadLetters.await(
                    record -> eventId.equals(KafkaTopicReader.header(record, "ce_id")), 2, Duration.ofSeconds(20));
            assertTrue(KafkaTopicReader.header(parked.get(0), "dead-letter-reason").contains("already retired"),
                    KafkaTopicReader.header(parked.get(0), "dead-letter-reason"));
        }
        asAgent().get("/api/v1/catalog/services/{id}", serviceId).then().statusCode(200)
                .body("version", equalTo("1.0"))
                .body("rejectedChangeUpdates", hasSize(1))
                .body("rejectedChangeUpdates[0].changeNumber", equalTo("CHG0009002"))
                .body("rejectedChangeUpdates[0].reason", containsString("Payroll Standard was already retired"))
                .body("plannedChanges", empty());
        asAgent().get("/api/v1/catalog/services/{id}/history", serviceId).then()
                .body("find { it.field == 'rejectedChangeUpdate' }.actor", equalTo("CHG0009002"))
                .body("findAll { it.field == 'plannedChange' }.to", contains(containsString("CHG0009002"), nullValue()))
                .body("findAll { it.field == 'plannedChange' }.from", contains(nullValue(),
                        equalTo("CHG0009002 (2026-12-01T20:00:00Z - 2026-12-01T22:00:00Z)")));
    }

    static String change(UUID changeId, String number, String state, String serviceId, String offeringId,
            String catalogUpdate) {
        return """
                {"id": "%s", "number": "%s", "type": "NORMAL", "state": "%s", "title": "Upgrade mail platform",
                 "affectedServiceIds": ["%s"], "affectedOfferingIds": %s,
                 "plannedStart": "2026-12-01T20:00:00Z", "plannedEnd": "2026-12-01T22:00:00Z", "riskLevel": "MEDIUM",
                 "catalogUpdate": %s, "occurredAt": "2026-11-27T10:00:00Z"}"""
                .formatted(changeId, number, state, serviceId, offeringId == null ? "[]" : "[\"" + offeringId + "\"]",
                        catalogUpdate);
    }
}
