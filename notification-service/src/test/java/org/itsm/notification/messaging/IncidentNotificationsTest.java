package org.itsm.notification.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.bootstrap;
import static org.itsm.notification.NotificationTestSupport.incidentJson;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.sendIncidentEvent;
import static org.itsm.notification.NotificationTestSupport.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.TestUsers;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Incident events in, mails out, through real Kafka, PostgreSQL and a GreenMail SMTP server: the right person, in
 * their language, once per event even when Kafka redelivers, and delivered after an SMTP outage.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class IncidentNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCreatedIncidentMailsItsCallerInKorean() throws Exception {
        String caller = user("ko-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();

        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, number,
                incidentJson(id, number, "NEW", caller, null));

        MimeMessage mail = awaitOneMailTo(caller);
        assertThat(mail.getSubject(), equalTo("[" + number + "] 인시던트가 접수되었습니다: Printer on floor 3 is jammed"));
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getContentType(), startsWith("multipart/"));
        assertThat(mail.getHeader("X-ITSM-Record")[0], equalTo(number));
        assertThat(body, containsString("text/plain"));
        assertThat(body, containsString("text/html"));
        assertThat(mail.getFrom()[0].toString(), containsString("servicedesk@itsm.local"));
        // answerable: a reply goes to the desk's plus-address naming the record (the subject keeps [INC…] too)
        assertThat(mail.getReplyTo()[0].toString(), equalTo("servicedesk+" + number + "@itsm.example.org"));
        // the row is marked sent just after the SMTP server accepted the mail
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].recipient", equalTo(caller))
                .body("[0].kind", equalTo("INCIDENT_CREATED"))
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", equalTo(1))
                .body("[0].language", equalTo("ko"))
                .body("[0].email", equalTo(TestUsers.address(caller))));
    }

    @Test
    void anAssignmentMailsTheAssigneeInEnglishAndNotTheCaller() throws Exception {
        String caller = user("ko-");
        String assignee = user("en-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();

        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, id, number,
                incidentJson(id, number, "IN_PROGRESS", caller, assignee));

        MimeMessage mail = awaitOneMailTo(assignee);
        assertThat(mail.getSubject(), equalTo("[" + number + "] Assigned to you: Printer on floor 3 is jammed"));
        assertThat(MailServer.messagesTo(TestUsers.address(caller)), empty());
    }

    @Test
    void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = incidentJson(id, number, "RESOLVED", caller, "agent");

        sendIncidentEvent(eventId, EventTypes.INCIDENT_RESOLVED, id, number, json);
        sendIncidentEvent(eventId, EventTypes.INCIDENT_RESOLVED, id, number, json);
        awaitOneMailTo(caller);
        // a third copy after the first was sent: still one mail
        sendIncidentEvent(eventId, EventTypes.INCIDENT_RESOLVED, id, number, json);
        String later = newIncidentNumber();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, later,
                incidentJson(id, later, "NEW", caller, null));
        await().atMost(WAIT).until(() -> MailServer.messagesTo(TestUsers.address(caller)).size() == 2);

        List<MimeMessage> mails = MailServer.messagesTo(TestUsers.address(caller));
        List<String> subjects = mails.stream().map(IncidentNotificationsTest::subject).toList();
        assertThat(subjects, containsInAnyOrder("[" + number + "] Resolved: Printer on floor 3 is jammed",
                "[" + later + "] We have recorded your incident: Printer on floor 3 is jammed"));
        as("agent", Roles.AGENT).get("/api/v1/notifications?record=" + number).then().body("", hasSize(1));
    }

    @Test
    void anSlaBreachMailsTheAssigneeKnownFromEarlierEvents() throws Exception {
        String assignee = user("ko-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_UPDATED, id, number,
                incidentJson(id, number, "IN_PROGRESS", user("en-"), assignee));
        String sla = """
                {"incidentId": "%s", "number": "%s", "priority": "P2", "clock": "RESOLUTION", "slaState": "BREACHED",
                 "dueAt": "2026-01-01T10:00:00Z", "serviceId": null, "caller": "someone",
                 "assignmentGroup": "service-desk", "occurredAt": "%s"}
                """.formatted(id, number, Instant.now());

        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_SLA_BREACHED, id, number, sla);

        MimeMessage mail = awaitOneMailTo(assignee);
        assertThat(mail.getSubject(), equalTo("[" + number + "] SLA 위반 (P2): Printer on floor 3 is jammed"));
    }

    @Test
    void whileSmtpIsDownTheMailIsRetriedAndDeliveredWhenItReturns() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        MailServer.stop();
        try {
            sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CLOSED, id, number,
                    incidentJson(id, number, "CLOSED", caller, "agent"));
            await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                    .get("/api/v1/notifications?record=" + number).then()
                    .body("[0].status", equalTo("PENDING"))
                    .body("[0].attempts", greaterThan(1)));
        } finally {
            MailServer.start();
        }

        MimeMessage mail = awaitOneMailTo(caller);
        assertThat(mail.getSubject(), equalTo("[" + number + "] Closed: Printer on floor 3 is jammed"));
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then()
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", greaterThan(2)));
    }

    @Test
    void aUserWithoutAnAddressIsUndeliverableNotRetried() {
        String caller = user("nomail-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();

        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, number,
                incidentJson(id, number, "NEW", caller, null));

        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then()
                .body("[0].status", equalTo("UNDELIVERABLE"))
                .body("[0].attempts", equalTo(1)));
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndConsumptionContinues() throws Exception {
        String key = UUID.randomUUID().toString();
        try (CloudEventSender sender = new CloudEventSender(bootstrap());
                KafkaTopicReader deadLetters = new KafkaTopicReader(bootstrap(), Topics.deadLetter(Topics.INCIDENT))) {
            sender.sendRaw(new ProducerRecord<>(Topics.INCIDENT, key, "not a cloud event"));
            sender.send(Topics.INCIDENT, key, UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED,
                    EventSource.INCIDENT_SERVICE, "INC0000000", "{\"number\": ");
            var parked = deadLetters.await(record -> key.equals(record.key()), 2, WAIT);
            parked.forEach(record -> assertThat(KafkaTopicReader.header(record, "dead-letter-reason"),
                    not(blankOrNullString())));
        }
        String caller = user("en-");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, number,
                incidentJson(id, number, "NEW", caller, null));
        awaitOneMailTo(caller);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage awaitOneMailTo(String username) {
        String address = TestUsers.address(username);
        await().atMost(WAIT).until(() -> !MailServer.messagesTo(address).isEmpty());
        List<MimeMessage> mails = MailServer.messagesTo(address);
        assertThat(mails, hasSize(1));
        return mails.get(0);
    }
}
