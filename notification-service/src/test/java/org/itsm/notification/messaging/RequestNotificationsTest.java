package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.bootstrap;
import static org.itsm.notification.NotificationTestSupport.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;

import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.TestUsers;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Service-request events from the catalog: the approver hears what awaits them, the requester the outcome. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class RequestNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theApproverHearsOfARequestAwaitingThemAndTheRequesterOfTheApprovalOnce() throws Exception {
        String requester = user("en-");
        String approver = user("ko-");
        UUID id = UUID.randomUUID();
        String number = "REQ" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);

        send(UUID.randomUUID().toString(), EventTypes.CATALOG_REQUEST_SUBMITTED, id, number,
                requestJson(id, number, requester, "AWAITING_APPROVAL", approver));
        MimeMessage toApprover = awaitOneMailTo(approver);
        assertThat(toApprover.getSubject(), equalTo("[" + number + "] 승인이 필요합니다: " + requester + "님의 Laptop"));
        assertThat(GreenMailUtil.getBody(toApprover), containsString("/my/requests"));

        String approval = UUID.randomUUID().toString();
        String approved = requestJson(id, number, requester, "APPROVED", approver);
        send(approval, EventTypes.CATALOG_REQUEST_APPROVED, id, number, approved);
        send(approval, EventTypes.CATALOG_REQUEST_APPROVED, id, number, approved);
        MimeMessage toRequester = awaitOneMailTo(requester);
        assertThat(toRequester.getSubject(), equalTo("[" + number + "] Approved: Laptop"));

        as("agent", Roles.AGENT).get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(2))
                .body("kind", equalTo(List.of("REQUEST_AWAITING_APPROVAL", "REQUEST_APPROVED")));
    }

    private static String requestJson(UUID id, String number, String requester, String state, String approver) {
        return """
                {"id": "%s", "number": "%s", "itemId": "%s", "itemName": "Laptop", "requester": "%s", "state": "%s",
                 "approver": "%s", "fulfilmentGroup": "desktop", "dueAt": null, "occurredAt": "%s"}
                """.formatted(id, number, UUID.randomUUID(), requester, state, approver, Instant.now());
    }

    private static void send(String eventId, String type, UUID id, String number, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CATALOG, id.toString(), eventId, type, EventSource.CATALOG_SERVICE, number, json);
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
