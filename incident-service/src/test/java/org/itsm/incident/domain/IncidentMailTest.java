package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class IncidentMailTest {

    @Test
    void theCallerAndTheDeskMayReplyToAnOpenOrResolvedIncident() {
        assertEquals(Optional.empty(), IncidentMail.refusalOfReply("INC0000001", IncidentState.ON_HOLD,
                Set.of(Roles.REQUESTER), true));
        assertEquals(Optional.empty(), IncidentMail.refusalOfReply("INC0000001", IncidentState.RESOLVED,
                Set.of(Roles.AGENT), false));
        assertEquals(Optional.empty(), IncidentMail.refusalOfReply("INC0000001", IncidentState.NEW,
                Set.of(Roles.ADMIN), false));
    }

    @Test
    void anotherRequesterOrAReaderMayNot() {
        assertTrue(IncidentMail.refusalOfReply("INC0000001", IncidentState.NEW, Set.of(Roles.REQUESTER), false)
                .orElseThrow().contains("Only the caller"));
        assertTrue(IncidentMail.refusalOfReply("INC0000001", IncidentState.NEW, Set.of(Roles.PROBLEM_MANAGER), false)
                .isPresent());
    }

    @Test
    void aClosedOrCancelledIncidentTakesNoReply() {
        assertTrue(IncidentMail.refusalOfReply("INC0000001", IncidentState.CLOSED, Set.of(Roles.REQUESTER), true)
                .orElseThrow().contains("CLOSED"));
        assertTrue(IncidentMail.refusalOfReply("INC0000001", IncidentState.CANCELLED, Set.of(Roles.AGENT), false)
                .isPresent());
    }

    @Test
    void whoMayOpenAnIncidentByMail() {
        assertEquals(Optional.empty(), IncidentMail.refusalOfNew(Set.of(Roles.REQUESTER)));
        assertEquals(Optional.empty(), IncidentMail.refusalOfNew(Set.of(Roles.AGENT)));
        assertTrue(IncidentMail.refusalOfNew(Set.of(Roles.CAB_MEMBER)).isPresent());
        assertTrue(IncidentMail.refusalOfNew(Set.of()).isPresent());
    }

    @Test
    void theSubjectWithoutReplyPrefixesIsTheShortDescription() {
        assertEquals("VPN drops", IncidentMail.shortDescription("Re: FWD: VPN drops "));
        assertEquals("프린터 걸림", IncidentMail.shortDescription("답장: 프린터 걸림"));
        assertEquals(IncidentMail.NO_SUBJECT, IncidentMail.shortDescription(" Re: "));
        assertEquals(IncidentMail.NO_SUBJECT, IncidentMail.shortDescription(null));
        String cut = IncidentMail.shortDescription("x".repeat(300));
        assertEquals(IncidentMail.SHORT_DESCRIPTION_MAX, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void textIsCutToWhatTheApiTakes() {
        assertEquals(IncidentMail.TEXT_MAX, IncidentMail.text("y".repeat(5000)).length());
        assertEquals("ok", IncidentMail.text(" ok \n"));
        assertEquals("", IncidentMail.text(null));
    }
}
