package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.itsm.events.api.Roles;
import org.junit.jupiter.api.Test;

class MentionRulesTest {

    @Test
    void everyoneMentionedButTheAuthorOnce() {
        assertEquals(List.of("anna", "bob"), MentionRules.recipients(List.of("anna", "Agent", "bob", "ANNA"), "agent"));
        assertEquals(List.of(), MentionRules.recipients(null, "agent"));
    }

    @Test
    void staffSeeCommentsAndWorkNotes() {
        for (String role : List.of(Roles.AGENT, Roles.ADMIN, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER)) {
            assertTrue(MentionRules.maySee("bob", List.of(role), "anna", true), role);
            assertTrue(MentionRules.maySee("bob", List.of(role), "anna", false), role);
        }
    }

    @Test
    void aRequesterSeesOnlyTheCommentsOfTheirOwnIncident() {
        assertTrue(MentionRules.maySee("anna", List.of(Roles.REQUESTER), "anna", false));
        assertFalse(MentionRules.maySee("anna", List.of(Roles.REQUESTER), "anna", true));
        assertFalse(MentionRules.maySee("carl", List.of(Roles.REQUESTER), "anna", false));
        assertFalse(MentionRules.maySee("anna", List.of(Roles.CAB_MEMBER), "anna", false));
        assertFalse(MentionRules.maySee("anna", List.of(Roles.REQUESTER), null, false));
    }
}
