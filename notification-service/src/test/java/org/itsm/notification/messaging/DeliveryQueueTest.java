package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.user;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.TestUsers;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The delivery table is the queue: a delivery a previous process planned, or tried and failed, before it stopped is
 * sent by this one; one leased by a process that died mid-send waits for its lease to pass, then is sent.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class DeliveryQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aDeliveryLeftPendingByAnEarlierProcessIsSent() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        insertPending(number, caller, 3, "ConnectException: Connection refused", Instant.now().minusSeconds(5));

        await().atMost(WAIT).until(() -> MailServer.messagesTo(TestUsers.address(caller)).size() == 1);
        assertThat(MailServer.messagesTo(TestUsers.address(caller)).get(0).getSubject(),
                equalTo("[" + number + "] Closed: Printer on floor 3 is jammed"));
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then()
                .body("[0].status", equalTo("SENT"))
                .body("[0].attempts", equalTo(4))
                .body("[0].lastError", nullValue()));
    }

    @Test
    void aDeliveryLeasedByAProcessThatDiedIsSentOnceTheLeasePasses() throws Exception {
        String caller = user("en-");
        String number = newIncidentNumber();
        Instant leaseEnds = Instant.now().plusSeconds(4);
        insertPending(number, caller, 0, null, leaseEnds);

        Thread.sleep(2_000);
        assertThat(MailServer.messagesTo(TestUsers.address(caller)), hasSize(0));
        await().atMost(WAIT).until(() -> MailServer.messagesTo(TestUsers.address(caller)).size() == 1);
    }

    private static void insertPending(String number, String recipient, int attempts, String lastError, Instant due)
            throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement insert = connection.prepareStatement("""
                        insert into notification_delivery (id, event_id, event_type, record_id, record_number,
                            recipient, kind, facts, status, attempts, next_attempt_at, last_error, created_at, version)
                        values (?, ?, 'itsm.incident.closed.v1', ?, ?, ?, 'INCIDENT_CLOSED', ?, 'PENDING', ?, ?, ?, ?, 0)
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, number);
            insert.setString(5, recipient);
            insert.setString(6, """
                    {"number": "%s", "shortDescription": "Printer on floor 3 is jammed", "priority": "P3"}"""
                    .formatted(number));
            insert.setInt(7, attempts);
            insert.setTimestamp(8, Timestamp.from(due));
            insert.setString(9, lastError);
            insert.setTimestamp(10, Timestamp.from(Instant.now().minusSeconds(60)));
            insert.executeUpdate();
        }
    }
}
