package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.itsm.notification.NotificationTestSupport.as;
import static org.itsm.notification.NotificationTestSupport.bootstrap;
import static org.itsm.notification.NotificationTestSupport.newIncidentNumber;
import static org.itsm.notification.NotificationTestSupport.sendIncidentEvent;
import static org.itsm.notification.NotificationTestSupport.user;
import static org.itsm.notification.messaging.AudienceTestSupport.WAIT;
import static org.itsm.notification.messaging.AudienceTestSupport.mailsTo;
import static org.itsm.notification.messaging.AudienceTestSupport.oneMailTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.internet.MimeMessage;

import org.itsm.events.EventSource;
import org.itsm.events.EventTypes;
import org.itsm.events.Topics;
import org.itsm.events.api.Roles;
import org.itsm.notification.TestUsers;
import org.itsm.notification.domain.Audience;
import org.itsm.testing.CloudEventSender;
import org.itsm.testing.ItsmTestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The audiences beyond one person, through real Kafka, PostgreSQL and GreenMail: the assignment group, the
 * major-incident group, the CAB, the implementer and requester of a change, the problem managers, the callers of
 * incidents a workaround reaches. Each member in their language, once, though every event is delivered twice; the
 * members come from the directory ({@code TestUsers}), never from the event.
 */
@QuarkusTest
@WithTestResource(value = ItsmTestInfrastructure.class, scope = TestResourceScope.GLOBAL, parallel = true,
        initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(value = org.itsm.notification.MailServerResource.class, scope = TestResourceScope.GLOBAL)
class AudienceNotificationsTest {

    @Test
    void theGroupAnIncidentIsAssignedToHearsInItsMembersLanguagesOnceAndTheAssigneeOnlyAsAssignee() {
        String group = user("grp-");
        String korean = user("ko-");
        String english = user("en-");
        String assignee = user("en-");
        TestUsers.members(Audience.group(group), korean, english, assignee);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = incident(id, number, "IN_PROGRESS", user("en-"), group, assignee,
                "[\"assignmentGroup\", \"assignee\"]");

        sendIncidentEvent(eventId, EventTypes.INCIDENT_ASSIGNED, id, number, json);
        sendIncidentEvent(eventId, EventTypes.INCIDENT_ASSIGNED, id, number, json);

        assertThat(AudienceTestSupport.subject(oneMailTo(korean)),
                equalTo("[" + number + "] " + group + " 그룹에 배정되었습니다: Router in building B is down"));
        MimeMessage englishMail = oneMailTo(english);
        assertThat(AudienceTestSupport.subject(englishMail),
                equalTo("[" + number + "] Assigned to " + group + ": Router in building B is down"));
        assertThat(AudienceTestSupport.text(englishMail), containsString("http://localhost:3000/incidents/" + id));
        assertThat(AudienceTestSupport.subject(oneMailTo(assignee)),
                equalTo("[" + number + "] Assigned to you: Router in building B is down"));
        JsonPath log = awaitLog(number, 4);
        assertThat(log.getList("findAll { it.kind == 'INCIDENT_GROUP_ASSIGNED' }.recipient"),
                containsInAnyOrder("group:" + group, korean, english));
        assertThat(log.getString("find { it.recipient == 'group:" + group + "' }.status"), equalTo("EXPANDED"));
    }

    @Test
    void anSlaBreachTellsTheAssigneeAndTheRestOfTheGroup() {
        String group = user("grp-");
        String member = user("ko-");
        String assignee = user("en-");
        TestUsers.members(Audience.group(group), member, assignee);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_UPDATED, id, number,
                incident(id, number, "IN_PROGRESS", user("en-"), group, assignee, "[\"priority\"]"));
        String sla = """
                {"incidentId": "%s", "number": "%s", "priority": "P1", "clock": "RESOLUTION", "slaState": "BREACHED",
                 "dueAt": "2026-01-01T10:00:00Z", "serviceId": null, "caller": "someone",
                 "assignmentGroup": "%s", "occurredAt": "%s"}
                """.formatted(id, number, group, Instant.now());
        String eventId = UUID.randomUUID().toString();

        sendIncidentEvent(eventId, EventTypes.INCIDENT_SLA_BREACHED, id, number, sla);
        sendIncidentEvent(eventId, EventTypes.INCIDENT_SLA_BREACHED, id, number, sla);

        assertThat(AudienceTestSupport.subject(oneMailTo(member)),
                equalTo("[" + number + "] " + group + " 그룹 SLA 위반 (P1): Router in building B is down"));
        assertThat(AudienceTestSupport.subject(oneMailTo(assignee)),
                equalTo("[" + number + "] SLA breached (P1): Router in building B is down"));
        awaitLog(number, 3);
    }

    @Test
    void theMajorIncidentGroupHearsOfADeclaredMajorIncident() {
        String manager = user("en-");
        String admin = user("ko-");
        TestUsers.members(Audience.group("major-incident"), manager, admin);
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = incident(id, number, "IN_PROGRESS", user("en-"), null, null, "[\"major\"]");

        sendIncidentEvent(eventId, EventTypes.INCIDENT_MAJOR_DECLARED, id, number, json);
        sendIncidentEvent(eventId, EventTypes.INCIDENT_MAJOR_DECLARED, id, number, json);

        assertThat(AudienceTestSupport.subject(oneMailTo(manager)),
                equalTo("[" + number + "] Major incident declared (P1): Router in building B is down"));
        assertThat(AudienceTestSupport.subject(oneMailTo(admin)),
                equalTo("[" + number + "] 주요 인시던트 선언 (P1): Router in building B is down"));
        awaitLog(number, 3);
    }

    @Test
    void theCabMembersButTheRequesterAndImplementerHearWhenAChangeAwaitsTheirVote() {
        String korean = user("ko-");
        String english = user("en-");
        String requester = user("en-");
        String implementer = user("en-");
        TestUsers.members(Audience.role(Roles.CAB_MEMBER), korean, english, requester, implementer);
        String number = newChangeNumber();
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = change(id, number, "AUTHORIZE", requester, implementer, "[\"CAB_MEMBER\"]");

        sendChangeEvent(eventId, EventTypes.CHANGE_ASSESSED, id, number, json);
        sendChangeEvent(eventId, EventTypes.CHANGE_ASSESSED, id, number, json);

        assertThat(AudienceTestSupport.subject(oneMailTo(korean)),
                equalTo("[" + number + "] CAB 투표가 필요합니다: Upgrade the core switch"));
        assertThat(AudienceTestSupport.subject(oneMailTo(english)),
                equalTo("[" + number + "] Your CAB vote is needed: Upgrade the core switch"));
        JsonPath log = awaitLog(number, 3);
        assertThat(log.getList("recipient"), containsInAnyOrder("role:" + Roles.CAB_MEMBER, korean, english));
        assertThat(mailsTo(requester), empty());
        assertThat(mailsTo(implementer), empty());
    }

    @Test
    void theImplementerHearsOfTheScheduleAndTheRequesterOfApprovalRejectionAndImplementation() {
        String requester = user("ko-");
        String implementer = user("en-");
        String number = newChangeNumber();
        UUID id = UUID.randomUUID();
        String scheduled = UUID.randomUUID().toString();
        String json = change(id, number, "SCHEDULED", requester, implementer, "[]");

        sendChangeEvent(scheduled, EventTypes.CHANGE_SCHEDULED, id, number, json);
        sendChangeEvent(scheduled, EventTypes.CHANGE_SCHEDULED, id, number, json);
        sendChangeEvent(UUID.randomUUID().toString(), EventTypes.CHANGE_APPROVED, id, number, json);
        sendChangeEvent(UUID.randomUUID().toString(), EventTypes.CHANGE_REJECTED, id, number,
                change(id, number, "NEW", requester, implementer, "[]"));
        sendChangeEvent(UUID.randomUUID().toString(), EventTypes.CHANGE_IMPLEMENTED, id, number,
                change(id, number, "REVIEW", requester, implementer, "[]"));

        assertThat(AudienceTestSupport.subject(oneMailTo(implementer)),
                equalTo("[" + number + "] Scheduled for you to implement: Upgrade the core switch"));
        await().atMost(WAIT).until(() -> mailsTo(requester).size() == 3);
        assertThat(mailsTo(requester).stream().map(AudienceTestSupport::subject).toList(), containsInAnyOrder(
                "[" + number + "] 승인되었습니다: Upgrade the core switch",
                "[" + number + "] 반려되었습니다: Upgrade the core switch",
                "[" + number + "] 구현되었습니다: Upgrade the core switch"));
        awaitLog(number, 4);
    }

    @Test
    void theProblemManagersHearOfADetectedCandidate() {
        String korean = user("ko-");
        String english = user("en-");
        TestUsers.members(Audience.role(Roles.PROBLEM_MANAGER), korean, english);
        String number = "PRB" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = """
                {"id": "%s", "number": "%s", "state": "NEW", "serviceId": null, "category": "network",
                 "linkedIncidentNumbers": ["INC0000101", "INC0000102", "INC0000103"], "fixChangeNumber": null,
                 "resolutionCode": null, "occurredAt": "%s"}
                """.formatted(id, number, Instant.now());

        sendProblemEvent(eventId, EventTypes.PROBLEM_CANDIDATE_DETECTED, id, number, json);
        sendProblemEvent(eventId, EventTypes.PROBLEM_CANDIDATE_DETECTED, id, number, json);

        assertThat(AudienceTestSupport.subject(oneMailTo(korean)),
                equalTo("[" + number + "] 반복 인시던트로 문제 후보가 감지되었습니다 (network)"));
        MimeMessage mail = oneMailTo(english);
        assertThat(AudienceTestSupport.subject(mail),
                equalTo("[" + number + "] Problem candidate from recurring incidents (network)"));
        assertThat(AudienceTestSupport.text(mail), containsString("http://localhost:3000/problems/" + id));
        awaitLog(number, 3);
    }

    @Test
    void theCallersOfOpenLinkedIncidentsHearOfAPublishedWorkaroundInTheirLanguage() {
        String korean = user("ko-");
        String english = user("en-");
        String closedCaller = user("en-");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID closed = UUID.randomUUID();
        String firstNumber = newIncidentNumber();
        String secondNumber = newIncidentNumber();
        String closedNumber = newIncidentNumber();
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, first, firstNumber,
                incident(first, firstNumber, "IN_PROGRESS", korean, null, null, "[]"));
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, second, secondNumber,
                incident(second, secondNumber, "ON_HOLD", english, null, null, "[]"));
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_CREATED, closed, closedNumber,
                incident(closed, closedNumber, "CLOSED", closedCaller, null, null, "[]"));
        // the read model knows the three incidents (and their callers) before the problem names them
        awaitLog(firstNumber, 1);
        awaitLog(secondNumber, 1);
        awaitLog(closedNumber, 1);
        String problem = "PRB" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        UUID problemId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String json = """
                {"problemId": "%s", "problemNumber": "%s", "serviceId": null, "symptom": "VPN drops",
                 "rootCause": "MTU", "workaround": "Reconnect with the backup profile",
                 "linkedIncidentNumbers": ["%s", "%s", "%s"], "occurredAt": "%s"}
                """.formatted(problemId, problem, firstNumber, secondNumber, closedNumber, Instant.now());

        sendProblemEvent(eventId, EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED, problemId, problem, json);
        sendProblemEvent(eventId, EventTypes.PROBLEM_KNOWN_ERROR_PUBLISHED, problemId, problem, json);

        MimeMessage koreanMail = workaroundMailTo(korean);
        assertThat(AudienceTestSupport.subject(koreanMail),
                equalTo("[" + firstNumber + "] 임시 해결책이 있습니다: Router in building B is down"));
        assertThat(AudienceTestSupport.text(koreanMail), containsString("Reconnect with the backup profile"));
        assertThat(AudienceTestSupport.subject(workaroundMailTo(english)),
                equalTo("[" + secondNumber + "] A workaround is available: Router in building B is down"));
        // planned with the others in one transaction: the closed incident's caller has only their creation mail
        awaitLog(firstNumber, 2);
        awaitLog(secondNumber, 2);
        awaitLog(closedNumber, 1);
        assertThat(mailsTo(closedCaller), hasSize(1));
    }

    @Test
    void aGroupTheDirectoryDoesNotKnowIsLoggedUndeliverable() {
        String number = newIncidentNumber();
        UUID id = UUID.randomUUID();
        String group = user("nogroup-");
        sendIncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_ASSIGNED, id, number,
                incident(id, number, "NEW", user("en-"), group, null, "[\"assignmentGroup\"]"));
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].recipient", equalTo("group:" + group))
                .body("[0].status", equalTo("UNDELIVERABLE"))
                .body("[0].lastError", equalTo("No group " + group + " in the directory")));
    }

    /** Waits until the record's log has {@code rows} deliveries, none pending, and returns it. */
    private static JsonPath awaitLog(String number, int rows) {
        await().atMost(WAIT).untilAsserted(() -> as("agent", Roles.AGENT)
                .get("/api/v1/notifications?record=" + number).then().statusCode(200)
                .body("", hasSize(rows))
                .body("findAll { it.status == 'PENDING' }", empty()));
        return as("agent", Roles.AGENT).get("/api/v1/notifications?record=" + number).then().extract().jsonPath();
    }

    private static String incident(UUID id, String number, String state, String caller, String group,
            String assignee, String changedFields) {
        return """
                {"id": "%s", "number": "%s", "shortDescription": "Router in building B is down", "state": "%s",
                 "priority": "P1", "impact": 1, "urgency": 1, "category": "network", "serviceId": null,
                 "offeringId": null, "caller": "%s", "assignmentGroup": %s, "assignee": %s, "major": true,
                 "resolutionCode": null, "causedByChange": null, "changedFields": %s, "occurredAt": "%s"}
                """.formatted(id, number, state, caller, quoted(group), quoted(assignee), changedFields,
                Instant.now());
    }

    private static String change(UUID id, String number, String state, String requester, String implementer,
            String awaitedVotes) {
        return """
                {"id": "%s", "number": "%s", "type": "NORMAL", "state": "%s", "title": "Upgrade the core switch",
                 "affectedServiceIds": [], "affectedOfferingIds": [], "plannedStart": "2026-12-20T01:00:00Z",
                 "plannedEnd": "2026-12-20T03:00:00Z", "riskLevel": "MEDIUM", "outcome": null,
                 "problemNumber": null, "catalogUpdate": null, "occurredAt": "%s", "requester": "%s",
                 "implementer": "%s", "awaitedVotes": %s}
                """.formatted(id, number, state, Instant.now(), requester, implementer, awaitedVotes);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String newChangeNumber() {
        return "CHG" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    private static void sendChangeEvent(String eventId, String type, UUID id, String number, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.CHANGE, id.toString(), eventId, type, EventSource.CHANGE_SERVICE, number, json);
        }
    }

    private static void sendProblemEvent(String eventId, String type, UUID id, String number, String json) {
        try (CloudEventSender sender = new CloudEventSender(bootstrap())) {
            sender.send(Topics.PROBLEM, id.toString(), eventId, type, EventSource.PROBLEM_SERVICE, number, json);
        }
    }

    /** The one workaround mail {@code username} received (besides the creation mail of their incident). */
    private static MimeMessage workaroundMailTo(String username) {
        await().atMost(WAIT).until(() -> mailsTo(username).size() >= 2);
        List<MimeMessage> workarounds = mailsTo(username).stream()
                .filter(mail -> AudienceTestSupport.subject(mail).contains("Router") && !AudienceTestSupport
                        .subject(mail).contains("접수") && !AudienceTestSupport.subject(mail).contains("recorded"))
                .toList();
        assertThat(workarounds, hasSize(1));
        return workarounds.get(0);
    }
}
