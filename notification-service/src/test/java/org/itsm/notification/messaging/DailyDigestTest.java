package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.incidentJson;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.sendIncidentEvent;
import static org.itsm.notification.NotificationTestSupport.user;
import static org.itsm.notification.messaging.AudienceTestSupport.WAIT;
import static org.itsm.notification.messaging.AudienceTestSupport.mailsTo;
import static org.itsm.notification.messaging.AudienceTestSupport.oneMailTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.ShiftableClock;
import org.itsm.notification.service.DailyDigests;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Kinds chosen {@code daily} wait QUEUED and go out in one digest mail per person and day at the digest hour (08:00)
 * of the person's time zone (Seoul for the Korean test users; the platform's, UTC, for the others): the test moves
 * the service's clock to each person's hour and runs the digest maker as its schedule would.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class DailyDigestTest {

    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @Inject
    DailyDigests digests;

    @Test
    void dailyKindsWaitAndGoOutInOneDigestPerPersonAtTheirLocalHourOnce() throws Throwable {
        String seoul = user("ko-");
        String utc = user("en-");
        for (String person : List.of(seoul, utc)) {
            as(person, Roles.AGENT).body("{\"delivery\": {\"INCIDENT_ASSIGNED\": \"daily\"}}").put(PREFERENCES)
                    .then().statusCode(200);
        }
        String first = newIncidentNumber();
        String second = newIncidentNumber();
        String immediate = newIncidentNumber();
        UUID firstId = UUID.randomUUID();
        UUID secondId = UUID.randomUUID();
        UUID immediateId = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, firstId, first,
                incidentJson(firstId, first, "IN_PROGRESS", user("en-"), seoul));
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, secondId, second,
                incidentJson(secondId, second, "IN_PROGRESS", user("en-"), seoul));
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, firstId, first,
                incidentJson(firstId, first, "IN_PROGRESS", user("en-"), utc));
        // a kind left immediate is sent at once
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, immediateId, immediate,
                incidentJson(immediateId, immediate, "NEW", utc, null));
        assertThat(AudienceTestSupport.subject(oneMailTo(utc)),
                equalTo("[" + immediate + "] We have recorded your incident: Printer on floor 3 is jammed"));
        awaitStatuses(first, "QUEUED", 2);
        awaitStatuses(second, "QUEUED", 1);
        assertThat(mailsTo(seoul), empty());

        Instant queuedAt = Instant.now();
        Instant seoulHour = nextEightOClock(queuedAt, ZoneId.of("Asia/Seoul"));
        Instant utcHour = nextEightOClock(queuedAt, ZoneOffset.UTC);
        try {
            // just before the earlier of the two hours: nothing is due
            shiftTo(seoulHour.isBefore(utcHour) ? seoulHour.minusSeconds(60) : utcHour.minusSeconds(60));
            runDigests();
            assertThat(mailsTo(seoul), empty());
            assertThat(mailsTo(utc), hasSize(1));

            shiftTo(seoulHour.plusSeconds(30));
            runDigests();
            MimeMessage digest = oneMailTo(seoul);
            LocalDate seoulDay = seoulHour.atZone(ZoneId.of("Asia/Seoul")).toLocalDate();
            assertThat(AudienceTestSupport.subject(digest), equalTo("[ITSM] " + seoulDay + " 일일 요약: 알림 2건"));
            String body = AudienceTestSupport.text(digest);
            assertThat(body, containsString("[" + first + "] 담당자로 배정되었습니다: Printer on floor 3 is jammed"));
            assertThat(body, containsString("[" + second + "] 담당자로 배정되었습니다: Printer on floor 3 is jammed"));
            assertThat(body, containsString("http://localhost:3000/incidents/" + secondId));

            shiftTo(utcHour.plusSeconds(30));
            runDigests();
            await().atMost(WAIT).until(() -> mailsTo(utc).size() == 2);
            MimeMessage utcDigest = mailsTo(utc).stream()
                    .filter(mail -> AudienceTestSupport.subject(mail).startsWith("[ITSM]")).findFirst().orElseThrow();
            assertThat(AudienceTestSupport.subject(utcDigest), equalTo("[ITSM] Your daily digest of "
                    + utcHour.atZone(ZoneOffset.UTC).toLocalDate() + ": 1 notification(s)"));
            assertThat(AudienceTestSupport.text(utcDigest),
                    containsString("[" + first + "] Assigned to you: Printer on floor 3 is jammed"));

            // later runs the same day make no second digest
            runDigests();
            awaitStatuses(first, "DIGESTED", 2);
            as("agent", Roles.AGENT).get("/api/v1/notifications?record=" + first).then()
                    .body("digest", everyItem(notNullValue()));
            as("agent", Roles.AGENT).get("/api/v1/notifications?record=DIGEST-" + seoulDay).then().statusCode(200)
                    .body("findAll { it.recipient == '" + seoul + "' }", hasSize(1))
                    .body("find { it.recipient == '" + seoul + "' }.kind", equalTo("DAILY_DIGEST"));
            await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> {
                assertThat(mailsTo(seoul), hasSize(1));
                assertThat(mailsTo(utc), hasSize(2));
            });
        } finally {
            ShiftableClock.reset();
        }
    }

    /** One run of the digest maker, as its schedule would run it (on a Vert.x context). */
    private void runDigests() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> digests.runOnce());
    }

    private static void shiftTo(Instant target) {
        ShiftableClock.shift(Duration.between(Instant.now(), target));
    }

    /** The first 08:00 in {@code zone} after {@code from}. */
    private static Instant nextEightOClock(Instant from, ZoneId zone) {
        Instant today = from.atZone(zone).toLocalDate().atTime(8, 0).atZone(zone).toInstant();
        return today.isAfter(from) ? today : from.atZone(zone).toLocalDate().plusDays(1).atTime(8, 0).atZone(zone)
                .toInstant();
    }

    private static void awaitStatuses(String number, String status, int rows) {
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(rows))
                .body("status", everyItem(equalTo(status))));
    }
}
