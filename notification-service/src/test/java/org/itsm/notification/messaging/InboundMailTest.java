package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.bootstrap;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.events.notification.InboundMailEvent;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.TestUsers;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.itsm.testing.KafkaTopicReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The desk mailbox, through a real GreenMail IMAP server, Kafka and PostgreSQL: a reply becomes one event for
 * incident-service however often it is read, unknown senders and unmatched mail are kept and listed for agents, and
 * incident-service's answer settles the mail.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class InboundMailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aReplyWithTheNumberInItsSubjectBecomesOneEventEvenWhenReadTwice() throws Exception {
        String caller = user("ko-");
        String number = newIncidentNumber();
        String messageId = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrap(), Topics.NOTIFICATION)) {
            MailServer.deliverToDesk(mail(messageId, TestUsers.address(caller), MailServer.DESK_ADDRESS,
                    "Re: [" + number + "] 프린터 걸림", """
                            It works again, thanks.

                            On Tue, 8 Dec 2026 at 10:00, ITSM service desk <servicedesk@itsm.example.org> wrote:
                            > Please tell us whether the printer works.
                            """));
            ConsumerRecord<String, String> record = events.await(ofMessage(messageId), 1, WAIT).get(0);
            assertEquals(EventTypes.NOTIFICATION_MAIL_RECEIVED, KafkaTopicReader.header(record, "ce_type"));
            assertEquals(EventSource.NOTIFICATION_SERVICE, KafkaTopicReader.header(record, "ce_source"));
            assertEquals(number, KafkaTopicReader.header(record, "ce_subject"));
            InboundMailEvent event = JSON.readValue(record.value(), InboundMailEvent.class);
            assertEquals(caller, event.sender());
            assertEquals(List.of(Roles.REQUESTER), event.senderRoles());
            assertEquals(number, event.recordNumber());
            assertEquals("It works again, thanks.", event.text());

            // the same message once more (as after a crash between recording and marking it seen)
            MailServer.deliverToDesk(mail(messageId, TestUsers.address(caller), MailServer.DESK_ADDRESS,
                    "Re: [" + number + "] 프린터 걸림", "It works again, thanks."));
            await().atMost(WAIT).until(() -> MailServer.unseenAtDesk() == 0);
            List<ConsumerRecord<String, String>> all = events.drain(Duration.ofSeconds(3));
            assertEquals(1, all.stream().filter(ofMessage(messageId)).count(), "one event per Message-ID");
            as("agent", Roles.AGENT).get("/api/v1/inbound-mail?status=FORWARDED").then().statusCode(200)
                    .body("findAll { it.messageId == '" + messageId + "' }.size()", equalTo(1))
                    .body("find { it.messageId == '" + messageId + "' }.record", equalTo(number))
                    .body("find { it.messageId == '" + messageId + "' }.sender", equalTo(caller));
        }
    }

    @Test
    void aReplyToThePlusAddressNamesItsRecordAndANewMailNamesNone() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        String reply = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        String fresh = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        try (KafkaTopicReader events = new KafkaTopicReader(bootstrap(), Topics.NOTIFICATION)) {
            MailServer.deliverToDesk(mail(reply, TestUsers.address(caller), "servicedesk+" + number + "@itsm.example.org",
                    "Re: still broken", "Still broken after the restart."));
            MailServer.deliverToDesk(mail(fresh, TestUsers.address(caller), MailServer.DESK_ADDRESS,
                    "VPN drops every hour", "Since this morning the VPN drops every hour."));
            InboundMailEvent replied = JSON.readValue(events.await(ofMessage(reply), 1, WAIT).get(0).value(),
                    InboundMailEvent.class);
            assertEquals(number, replied.recordNumber());
            InboundMailEvent opened = JSON.readValue(events.await(ofMessage(fresh), 1, WAIT).get(0).value(),
                    InboundMailEvent.class);
            assertNull(opened.recordNumber());
            assertEquals("VPN drops every hour", opened.subject());
            assertEquals("Since this morning the VPN drops every hour.", opened.text());
        }
    }

    @Test
    void anUnknownSenderAndAnUnmatchedMailAreKeptForAgents() throws Exception {
        String stranger = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        String change = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        MailServer.deliverToDesk(mail(stranger, "someone@elsewhere.example", MailServer.DESK_ADDRESS,
                "Hello?", "Is anybody there?"));
        MailServer.deliverToDesk(mail(change, TestUsers.address(user("en-")), MailServer.DESK_ADDRESS,
                "Re: [CHG0001234] window", "Fine by me."));

        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/inbound-mail?status=REVIEW").then().statusCode(200)
                .body("find { it.messageId == '" + stranger + "' }.from", equalTo("someone@elsewhere.example"))
                .body("find { it.messageId == '" + stranger + "' }.subject", equalTo("Hello?"))
                .body("find { it.messageId == '" + stranger + "' }.reason", containsString("Unknown sender"))
                .body("find { it.messageId == '" + stranger + "' }.receivedAt", not(equalTo(null)))
                .body("find { it.messageId == '" + change + "' }.reason", containsString("CHG0001234")));
        as("agent", Roles.AGENT).get("/api/v1/inbound-mail?status=FORWARDED").then().statusCode(200)
                .body("messageId", not(hasItem(stranger)));
    }

    @Test
    void incidentServicesAnswerSettlesTheMail() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        String commented = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        String refused = "<" + UUID.randomUUID() + "@mail.itsm.test>";
        MailServer.deliverToDesk(mail(commented, TestUsers.address(caller), MailServer.DESK_ADDRESS,
                "Re: [" + number + "] printer", "Works now."));
        MailServer.deliverToDesk(mail(refused, TestUsers.address(caller), MailServer.DESK_ADDRESS,
                "Re: [INC0000001] not mine", "Me too."));
        String commentedId = awaitForwarded(commented);
        String refusedId = awaitForwarded(refused);

        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.INCIDENT, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    EventTypes.INCIDENT_MAIL_HANDLED, EventSource.INCIDENT_SERVICE, number, """
                            {"mailId": "%s", "outcome": "COMMENTED", "incidentId": "%s", "number": "%s",
                             "reason": null, "occurredAt": "%s"}""".formatted(commentedId, UUID.randomUUID(), number,
                            Instant.now()));
            sender.send(Topics.INCIDENT, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    EventTypes.INCIDENT_MAIL_HANDLED, EventSource.INCIDENT_SERVICE, "INC0000001", """
                            {"mailId": "%s", "outcome": "REFUSED", "incidentId": null, "number": "INC0000001",
                             "reason": "Only the caller or staff may comment on INC0000001", "occurredAt": "%s"}"""
                            .formatted(refusedId, Instant.now()));
        }
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT).get("/api/v1/inbound-mail").then()
                .statusCode(200)
                .body("find { it.messageId == '" + commented + "' }.status", equalTo("COMMENTED"))
                .body("find { it.messageId == '" + refused + "' }.status", equalTo("REVIEW"))
                .body("find { it.messageId == '" + refused + "' }.reason", containsString("caller or staff")));
    }

    @Test
    void onlyStaffListInboundMail() {
        Set<String> staff = Set.of(Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.ADMIN);
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", "/api/v1/inbound-mail", staff);
        for (String role : staff) {
            as("staff", role).get("/api/v1/inbound-mail?status=REVIEW").then().statusCode(200);
        }
        as("agent", Roles.AGENT).get("/api/v1/inbound-mail?status=LOST").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("status"));
    }

    private static String awaitForwarded(String messageId) {
        return await().atMost(WAIT).until(() -> as("agent", Roles.AGENT)
                .get("/api/v1/inbound-mail?status=FORWARDED").then().statusCode(200).extract()
                .path("find { it.messageId == '" + messageId + "' }.id"), id -> id != null);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, String>> ofMessage(String messageId) {
        return record -> record.value() != null && record.value().contains(messageId);
    }

    private static MimeMessage mail(String messageId, String from, String to, String subject, String text)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.setSentDate(new java.util.Date());
        message.saveChanges();
        return message;
    }
}
