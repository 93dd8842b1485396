package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.NotificationTestSupport;
import org.itsm.notification.TestUsers;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code @mentions} through real Kafka, PostgreSQL and GreenMail: each person named who may see the comment or work
 * note hears of it once, in their language; the author and those who may not see it (a work note, another caller's
 * incident) do not; a kind turned off is suppressed.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class MentionNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aCommentMentionMailsTheCallerInKoreanAndTheAgentInEnglishOnce() throws Exception {
        String caller = user("ko-");
        String agent = user("en-agent");
        String otherRequester = user("en-");
        String author = user("en-agent");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = mention(id, number, caller, author, false, List.of(caller, agent, otherRequester, author));
        sendMention(eventId, id, number, json);
        sendMention(eventId, id, number, json);

        MimeMessage toCaller = awaitOneMailTo(caller);
        assertThat(toCaller.getSubject(), equalTo("[" + number + "] " + author
                + "님이 댓글에서 회원님을 언급했습니다: Printer on floor 3 is jammed"));
        MimeMessage toAgent = awaitOneMailTo(agent);
        assertThat(toAgent.getSubject(), equalTo("[" + number + "] " + author
                + " mentioned you in a comment: Printer on floor 3 is jammed"));
        assertThat(toAgent.getReplyTo()[0].toString(), equalTo("servicedesk+" + number + "@itsm.example.org"));

        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(3))
                .body("find { it.recipient == '" + otherRequester + "' }.status", equalTo("UNDELIVERABLE"))
                .body("find { it.recipient == '" + otherRequester + "' }.lastError", containsString("may not see")));
        assertEquals(0, MailServer.messagesTo(TestUsers.address(otherRequester)).size());
        assertEquals(0, MailServer.messagesTo(TestUsers.address(author)).size());
        assertEquals(1, MailServer.messagesTo(TestUsers.address(caller)).size(), "one mail though delivered twice");
    }

    @Test
    void aWorkNoteMentionNeverReachesTheRequester() throws Exception {
        String caller = user("en-");
        String agent = user("ko-agent");
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendMention(UUID.randomUUID().toString(), id, number,
                mention(id, number, caller, "agent", true, List.of(caller, agent)));

        MimeMessage toAgent = awaitOneMailTo(agent);
        assertThat(toAgent.getSubject(), containsString("작업 메모"));
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("find { it.recipient == '" + caller + "' }.status", equalTo("UNDELIVERABLE")));
        assertEquals(0, MailServer.messagesTo(TestUsers.address(caller)).size());
    }

    @Test
    void aMentionTurnedOffIsSuppressed() {
        String agent = user("en-agent");
        as(agent, Roles.AGENT).body("{\"kinds\": {\"INCIDENT_MENTIONED\": false}}")
                .put("/api/v1/notifications/preferences").then().statusCode(200);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendMention(UUID.randomUUID().toString(), id, number,
                mention(id, number, user("en-"), "agent", false, List.of(agent)));
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("[0].kind", equalTo("INCIDENT_MENTIONED"))
                .body("[0].status", equalTo("SUPPRESSED")));
        assertEquals(0, MailServer.messagesTo(TestUsers.address(agent)).size());
    }

    private static MimeMessage awaitOneMailTo(String user) {
        return await().atMost(WAIT).until(() -> MailServer.messagesTo(TestUsers.address(user)), hasSize(1)).get(0);
    }

    private static void sendMention(String eventId, UUID id, String number, String json) {
        try (CloudEventSender sender = new CloudEventSender(NotificationTestSupport.bootstrap())) {
            sender.send(Topics.INCIDENT, id.toString(), eventId, EventTypes.INCIDENT_MENTIONED,
                    EventSource.INCIDENT_SERVICE, number, json);
        }
    }

    private static String mention(UUID id, String number, String caller, String author, boolean workNote,
            List<String> mentioned) {
        return """
                {"id": "%s", "number": "%s", "shortDescription": "Printer on floor 3 is jammed", "caller": "%s",
                 "author": "%s", "workNote": %s, "mentioned": [%s], "occurredAt": "%s"}
                """.formatted(id, number, caller, author, workNote,
                String.join(", ", mentioned.stream().map(name -> "\"" + name + "\"").toList()), Instant.now());
    }
}
