package org.itsm.notification.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.incidentJson;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.sendIncidentEvent;
import static org.itsm.notification.NotificationTestSupport.user;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.itsm.events.EventTypes;
import org.itsm.events.api.Roles;
import org.itsm.notification.MailServer;
import org.itsm.notification.MailServerResource;
import org.itsm.notification.TestUsers;
import org.itsm.testing.EndpointSecurity;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each person's preferences: shown with defaults, changed by their owner only, and honoured by the dispatcher. */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = MailServerResource.class, scope = TestResourceScope.GLOBAL)
class PreferencesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PREFERENCES = "/api/v1/notifications/preferences";

    @Test
    void everyRoleHasPreferencesAndNoTokenIs401() {
        EndpointSecurity.assertRefusedWithoutTokenOrRole("GET", PREFERENCES, Set.copyOf(Roles.ALL));
        EndpointSecurity.assertRefusedWithoutTokenOrRole("PUT", PREFERENCES, Set.copyOf(Roles.ALL));
        for (String role : Roles.ALL) {
            as(user("en-"), role).get(PREFERENCES).then().statusCode(200);
        }
    }

    @Test
    void withoutChoicesEveryKindIsOnAndTheLanguageIsTheAccounts() {
        as(user("en-"), Roles.REQUESTER).get(PREFERENCES).then().statusCode(200)
                .body("language", nullValue())
                .body("kinds.INCIDENT_CREATED", equalTo(true))
                .body("kinds.INCIDENT_SLA_BREACHED", equalTo(true));
    }

    @Test
    void aChangeKeepsTheKindsItDoesNotNameAndIsTheCallersOwn() {
        String kim = user("ko-");
        as(kim, Roles.REQUESTER).body("{\"language\": \"en\", \"kinds\": {\"INCIDENT_CLOSED\": false}}")
                .put(PREFERENCES).then().statusCode(200)
                .body("language", equalTo("en"))
                .body("kinds.INCIDENT_CLOSED", equalTo(false));
        as(kim, Roles.REQUESTER).body("{\"kinds\": {\"INCIDENT_RESOLVED\": false}}").put(PREFERENCES).then()
                .statusCode(200)
                .body("language", nullValue())
                .body("kinds.INCIDENT_CLOSED", equalTo(false))
                .body("kinds.INCIDENT_RESOLVED", equalTo(false))
                .body("kinds.INCIDENT_CREATED", equalTo(true));
        as(user("ko-"), Roles.REQUESTER).get(PREFERENCES).then().body("kinds.INCIDENT_CLOSED", equalTo(true));
    }

    @Test
    void eachKindIsImmediateUntilChosenDailyAndAChoiceKeepsTheOthers() {
        String lee = user("en-");
        as(lee, Roles.AGENT).get(PREFERENCES).then().statusCode(200)
                .body("delivery.INCIDENT_ASSIGNED", equalTo("immediate"))
                .body("delivery.CHANGE_AWAITING_VOTE", equalTo("immediate"))
                .body("delivery.DAILY_DIGEST", nullValue())
                .body("kinds.DAILY_DIGEST", nullValue());
        as(lee, Roles.AGENT).body("{\"delivery\": {\"INCIDENT_ASSIGNED\": \"daily\"}}").put(PREFERENCES).then()
                .statusCode(200)
                .body("delivery.INCIDENT_ASSIGNED", equalTo("daily"));
        as(lee, Roles.AGENT).body("{\"delivery\": {\"INCIDENT_GROUP_ASSIGNED\": \"daily\"}, \"kinds\": "
                + "{\"INCIDENT_CLOSED\": false}}").put(PREFERENCES).then().statusCode(200)
                .body("delivery.INCIDENT_ASSIGNED", equalTo("daily"))
                .body("delivery.INCIDENT_GROUP_ASSIGNED", equalTo("daily"))
                .body("delivery.INCIDENT_CLOSED", equalTo("immediate"))
                .body("kinds.INCIDENT_CLOSED", equalTo(false));
        as(lee, Roles.AGENT).body("{\"delivery\": {\"INCIDENT_ASSIGNED\": \"immediate\"}}").put(PREFERENCES)
                .then().statusCode(200)
                .body("delivery.INCIDENT_ASSIGNED", equalTo("immediate"))
                .body("delivery.INCIDENT_GROUP_ASSIGNED", equalTo("daily"));
    }

    @Test
    void aBadDeliveryChoiceIsA400NamingIt() {
        as(user("en-"), Roles.AGENT).body("{\"delivery\": {\"INCIDENT_ASSIGNED\": \"weekly\"}}").put(PREFERENCES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("delivery.INCIDENT_ASSIGNED"));
        as(user("en-"), Roles.AGENT).body("{\"delivery\": {\"DAILY_DIGEST\": \"daily\"}}").put(PREFERENCES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("delivery.DAILY_DIGEST"));
        as(user("en-"), Roles.AGENT).body("{\"delivery\": {\"INCIDENT_ASSIGNED\": null}}").put(PREFERENCES)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("delivery.INCIDENT_ASSIGNED"));
    }

    @Test
    void badPreferencesAre400sNamingTheField() {
        as(user("en-"), Roles.AGENT).body("{\"language\": \"fr\"}").put(PREFERENCES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("language"));
        as(user("en-"), Roles.AGENT).body("{\"kinds\": {\"INCIDENT_EXPLODED\": false}}").put(PREFERENCES).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kinds.INCIDENT_EXPLODED"));
        as(user("en-"), Roles.AGENT).body("{\"lang\": \"ko\"}").put(PREFERENCES).then().statusCode(400)
                .contentType("application/problem+json");
        as(user("en-"), Roles.AGENT).body("{\"kinds\": []}").put(PREFERENCES).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aKindTurnedOffIsNotSentAndTheLogSaysSo() {
        String caller = user("en-");
        as(caller, Roles.REQUESTER).body("{\"kinds\": {\"INCIDENT_CREATED\": false}}").put(PREFERENCES).then()
                .statusCode(200);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, number,
                incidentJson(id, number, "NEW", caller, null));

        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then()
                .body("[0].status", equalTo("SUPPRESSED")));
        // the kinds still on arrive
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_RESOLVED, id, number,
                incidentJson(id, number, "RESOLVED", caller, "agent"));
        await().atMost(WAIT).until(() -> !MailServer.messagesTo(TestUsers.address(caller)).isEmpty());
        List<MimeMessage> mails = MailServer.messagesTo(TestUsers.address(caller));
        assertThat(mails, hasSize(1));
    }

    @Test
    void theChosenLanguageWinsOverTheAccounts() throws Exception {
        String caller = user("ko-");
        as(caller, Roles.REQUESTER).body("{\"language\": \"en\"}").put(PREFERENCES).then().statusCode(200);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, id, number,
                incidentJson(id, number, "NEW", caller, null));

        await().atMost(WAIT).until(() -> !MailServer.messagesTo(TestUsers.address(caller)).isEmpty());
        assertThat(MailServer.messagesTo(TestUsers.address(caller)).get(0).getSubject(),
                equalTo("[" + number + "] We have recorded your incident: Printer on floor 3 is jammed"));
    }
}
