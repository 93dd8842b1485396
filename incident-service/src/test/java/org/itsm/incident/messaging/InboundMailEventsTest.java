package org.itsm.incident.messaging;

import static org.hamcrest.Matchers.equalTo;
import static org.itsm.incident.IncidentTestSupport.asAgent;
import static org.itsm.incident.IncidentTestSupport.asRequester;
import static org.itsm.incident.IncidentTestSupport.newIncidentJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Mail to the service desk as notification-service publishes it ({@code mail-received}): the caller's reply becomes
 * their public comment and resumes the incident awaiting them, once however often it is delivered; a new mail opens
 * an incident; a reply from someone else is refused; every outcome is reported; unreadable events are dead-lettered.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "incident"))
class InboundMailEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theCallersReplyBecomesTheirCommentAndResumesTheIncidentOnce() {
        String caller = "mailer-" + UUID.randomUUID().toString().substring(0, 8);
        var created = asRequester(caller).body(newIncidentJson("Printer jammed", 3, 3)).post("/api/v1/incidents")
                .then().statusCode(201).extract();
        String id = created.path("id");
        String number = created.path("number");
        asAgent().post("/api/v1/incidents/{id}/start", id).then().statusCode(200);
        asAgent().body("{\"holdReason\": \"AWAITING_CALLER\", \"comment\": \"Which floor are you on?\"}")
                .post("/api/v1/incidents/{id}/hold", id).then().statusCode(200);

        UUID mailId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader outcomes = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            for (int delivery = 0; delivery < 2; delivery++) {
                sender.send(Topics.NOTIFICATION, mailId.toString(), eventId, EventTypes.NOTIFICATION_MAIL_RECEIVED,
                        EventSource.NOTIFICATION_SERVICE, number, mail(mailId, caller, Roles.REQUESTER, number,
                                "Re: [" + number + "] Printer jammed", "Floor 3, next to the kitchen."));
            }
            ConsumerRecord<String, String> outcome = outcomes.await(handled(mailId), 1, WAIT).get(0);
            JsonPath json = JsonPath.from(outcome.value());
            assertEquals("COMMENTED", json.getString("outcome"));
            assertEquals(number, json.getString("number"));
            assertEquals(id, json.getString("incidentId"));
            assertEquals(id, outcome.key());

            asAgent().get("/api/v1/incidents/{id}", id).then().body("state", equalTo("IN_PROGRESS"));
            // the redelivery is processed after the first; it adds nothing
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                List<String> authors = asRequester(caller).get("/api/v1/incidents/{id}/comments", id).then()
                        .statusCode(200).extract().path("findAll { it.body == 'Floor 3, next to the kitchen.' }.author");
                assertEquals(List.of(caller), authors);
            });
            assertEquals(1, outcomes.drain(Duration.ofSeconds(1)).stream().filter(handled(mailId)).count());
        }
    }

    @Test
    void aNewMailOpensAnIncidentForItsSender() {
        String sender = "newmail-" + UUID.randomUUID().toString().substring(0, 8);
        UUID mailId = UUID.randomUUID();
        try (CloudEventSender events = new CloudEventSender(bootstrap());
                KafkaTopicReader outcomes = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            events.send(Topics.NOTIFICATION, mailId.toString(), UUID.randomUUID().toString(),
                    EventTypes.NOTIFICATION_MAIL_RECEIVED, EventSource.NOTIFICATION_SERVICE, "<m@x>",
                    mail(mailId, sender, Roles.REQUESTER, null, "VPN drops every hour", "Since this morning."));
            JsonPath outcome = JsonPath.from(outcomes.await(handled(mailId), 1, WAIT).get(0).value());
            assertEquals("OPENED", outcome.getString("outcome"));
            String id = outcome.getString("incidentId");
            assertNotNull(outcome.getString("number"));
            asRequester(sender).get("/api/v1/incidents/{id}", id).then().statusCode(200)
                    .body("caller", equalTo(sender))
                    .body("shortDescription", equalTo("VPN drops every hour"))
                    .body("description", equalTo("Since this morning."))
                    .body("number", equalTo(outcome.getString("number")));
        }
    }

    @Test
    void aReplyFromSomeoneElseIsRefusedAndAddsNothing() {
        var created = asRequester("owner-" + UUID.randomUUID().toString().substring(0, 8))
                .body(newIncidentJson("Screen flickers", 3, 3)).post("/api/v1/incidents").then().statusCode(201)
                .extract();
        String id = created.path("id");
        String number = created.path("number");
        UUID mailId = UUID.randomUUID();
        try (CloudEventSender events = new CloudEventSender(bootstrap());
                KafkaTopicReader outcomes = new KafkaTopicReader(bootstrap(), Topics.INCIDENT)) {
            events.send(Topics.NOTIFICATION, mailId.toString(), UUID.randomUUID().toString(),
                    EventTypes.NOTIFICATION_MAIL_RECEIVED, EventSource.NOTIFICATION_SERVICE, number,
                    mail(mailId, "stranger", Roles.REQUESTER, number, "Re: [" + number + "]", "Me too"));
            JsonPath outcome = JsonPath.from(outcomes.await(handled(mailId), 1, WAIT).get(0).value());
            assertEquals("REFUSED", outcome.getString("outcome"));
            assertTrue(outcome.getString("reason").contains("Only the caller"));
        }
        List<Object> comments = asAgent().get("/api/v1/incidents/{id}/comments", id).then().statusCode(200)
                .extract().path("");
        assertEquals(0, comments.size());
    }

    @Test
    void anUnreadableMailEventGoesToTheDeadLetterTopicAndConsumptionContinues() {
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.NOTIFICATION))) {
            String marker = "not-a-cloud-event-" + UUID.randomUUID();
            sender.sendRaw(new ProducerRecord<>(Topics.NOTIFICATION, "junk", marker));
            String key = UUID.randomUUID().toString();
            sender.send(Topics.NOTIFICATION, key, UUID.randomUUID().toString(), EventTypes.NOTIFICATION_MAIL_RECEIVED,
                    EventSource.NOTIFICATION_SERVICE, "x", "{\"subject\": \"no mail id, no sender\"}");
            assertNotNull(KafkaTopicReader.header(deadLetters.await(r -> marker.equals(r.value()), 1, WAIT).get(0),
                    "dead-letter-reason"));
            assertNotNull(KafkaTopicReader.header(deadLetters.await(r -> key.equals(r.key()), 1, WAIT).get(0),
                    "dead-letter-reason"));
        }
        aNewMailOpensAnIncidentForItsSender();
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> handled(UUID mailId) {
        return record -> EventTypes.INCIDENT_MAIL_HANDLED.equals(KafkaTopicReader.header(record, "ce_type"))
                && record.value().contains(mailId.toString());
    }

    private static String mail(UUID mailId, String sender, String role, String number, String subject, String text) {
        return """
                {"mailId": "%s", "messageId": "<%s@mail.test>", "sender": "%s", "senderRoles": ["%s"],
                 "recordNumber": %s, "subject": "%s", "text": "%s", "receivedAt": "%s"}
                """.formatted(mailId, mailId, sender, role, number == null ? "null" : "\"" + number + "\"", subject,
                text, Instant.now());
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
