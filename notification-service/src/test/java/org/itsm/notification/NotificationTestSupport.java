package org.itsm.notification;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.EventSource;
import org.itsm.events.Topics;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests with test tokens, and incident events sent as incident-service's relay would. */
public final class NotificationTestSupport {

    private NotificationTestSupport() {
    }

    public static RequestSpecification as(String user, String... roles) {
        return given().header("Authorization", TestTokens.bearer(user, roles)).contentType(ContentType.JSON);
    }

    /** A fresh incident number (seven digits, as the API expects). */
    public static String newIncidentNumber() {
        return "INC" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    /** A user name no other test uses, with the directory prefix that gives its language or absence. */
    public static String user(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String incidentJson(UUID id, String number, String state, String caller, String assignee) {
        return """
                {"id": "%s", "number": "%s", "shortDescription": "Printer on floor 3 is jammed", "state": "%s",
                 "priority": "P3", "impact": 2, "urgency": 2, "category": "hardware", "serviceId": null,
                 "offeringId": null, "caller": "%s", "assignmentGroup": null, "assignee": %s,
                 "major": false, "resolutionCode": null, "causedByChange": null, "changedFields": [],
                 "occurredAt": "%s"}
                """.formatted(id, number, state, caller, assignee == null ? "null" : "\"" + assignee + "\"",
                Instant.now());
    }

    /** Sends an incident event with CloudEvent id {@code eventId}. */
    public static void sendIncidentEvent(String eventId, String type, UUID incidentId, String number, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.INCIDENT, incidentId.toString(), eventId, type, EventSource.INCIDENT_SERVICE, number, json);
        }
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
