package org.itsm.gateway.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.itsm.events.api.Roles;
import org.itsm.gateway.presence.PresenceBoard.Activity;
import org.itsm.gateway.presence.PresenceBoard.Heartbeat;
import org.itsm.gateway.presence.PresenceBoard.Present;
import org.itsm.gateway.presence.PresenceBoard.RecordRef;
import org.junit.jupiter.api.Test;

class PresenceBoardTest {

    private static final RecordRef INCIDENT = new RecordRef("incident", "INC0001001");
    private static final RecordRef OTHER = new RecordRef("incident", "INC0001002");
    private static final Instant START = Instant.parse("2026-12-08T09:00:00Z");

    private Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final PresenceBoard board = new PresenceBoard(Duration.ofSeconds(45));

    @Test
    void showsOthersButNeverTheAskingUser() {
        assertTrue(beat("agent", "tab1", Activity.VIEWING));
        assertTrue(beat("implementer", "tab2", Activity.VIEWING));

        assertEquals(List.of(new Present("implementer", "Implementer", Activity.VIEWING, START)),
                board.present(INCIDENT, "agent", now()));
        assertEquals(List.of("agent"), users(board.present(INCIDENT, "implementer", now())));
        assertEquals(List.of("agent", "implementer"), users(board.present(INCIDENT, "nobody", now())));
        assertEquals(List.of(), board.present(OTHER, "nobody", now()));
    }

    @Test
    void anEntryExpiresFortyFiveSecondsAfterItsLatestHeartbeat() {
        beat("agent", "tab1", Activity.VIEWING);
        advance(Duration.ofSeconds(30));
        assertFalse(beat("agent", "tab1", Activity.VIEWING), "a repeated heartbeat changes nothing others see");
        advance(Duration.ofSeconds(44));
        assertEquals(Set.of(), board.expire(now()));
        assertEquals(1, board.present(INCIDENT, "x", now()).size());

        advance(Duration.ofSeconds(1));
        assertEquals(List.of(), board.present(INCIDENT, "x", now()), "gone at 45 s even before the sweep");
        assertEquals(Set.of(INCIDENT), board.expire(now()));
        assertEquals(Set.of(), board.expire(now()), "reported once");
    }

    @Test
    void sinceIsKeptWhileTheEntryLivesAndRestartsAfterItExpired() {
        beat("agent", "tab1", Activity.VIEWING);
        advance(Duration.ofSeconds(15));
        beat("agent", "tab1", Activity.VIEWING);
        assertEquals(START, board.present(INCIDENT, "x", now()).get(0).since());

        advance(Duration.ofSeconds(60));
        beat("agent", "tab1", Activity.VIEWING);
        assertEquals(now(), board.present(INCIDENT, "x", now()).get(0).since());
    }

    @Test
    void editingInAnyLiveTabWinsOverViewing() {
        beat("agent", "tab1", Activity.VIEWING);
        assertTrue(beat("agent", "tab2", Activity.EDITING));
        assertEquals(List.of(new Present("agent", "Agent", Activity.EDITING, START)), board.present(INCIDENT, "x", now()));

        advance(Duration.ofSeconds(10));
        assertFalse(beat("agent", "tab1", Activity.VIEWING), "another tab viewing does not hide the editing one");
        assertEquals(Activity.EDITING, board.present(INCIDENT, "x", now()).get(0).activity());

        assertTrue(beat("agent", "tab2", Activity.VIEWING), "the editing tab stopped editing");
        assertEquals(Activity.VIEWING, board.present(INCIDENT, "x", now()).get(0).activity());

        beat("agent", "tab2", Activity.EDITING);
        advance(Duration.ofSeconds(40));
        beat("agent", "tab1", Activity.VIEWING);
        advance(Duration.ofSeconds(5));
        assertEquals(Set.of(INCIDENT), board.expire(now()), "the editing tab's entry expired");
        assertEquals(Activity.VIEWING, board.present(INCIDENT, "x", now()).get(0).activity());
    }

    @Test
    void leavingRemovesTheTabAtOnceAndOnlyThatTab() {
        beat("agent", "tab1", Activity.VIEWING);
        beat("agent", "tab2", Activity.EDITING);
        assertTrue(board.leave(INCIDENT, "agent", "tab2", now()));
        assertEquals(Activity.VIEWING, board.present(INCIDENT, "x", now()).get(0).activity());
        assertTrue(board.leave(INCIDENT, "agent", "tab1", now()));
        assertEquals(List.of(), board.present(INCIDENT, "x", now()));
        assertFalse(board.leave(INCIDENT, "agent", "tab1", now()), "leaving twice changes nothing");
    }

    @Test
    void heartbeatsAlreadyExpiredOrOlderThanTheLatestChangeNothing() {
        assertFalse(board.beat(new Heartbeat(INCIDENT, "agent", "Agent", "tab1", Activity.VIEWING,
                START.minusSeconds(45)), now()), "expired on arrival");
        assertEquals(List.of(), board.present(INCIDENT, "x", now()));

        beat("agent", "tab1", Activity.VIEWING);
        assertFalse(board.beat(new Heartbeat(INCIDENT, "agent", "Agent", "tab1", Activity.EDITING,
                START.minusSeconds(5)), now()), "a late copy of an older heartbeat");
        assertEquals(Activity.VIEWING, board.present(INCIDENT, "x", now()).get(0).activity());
    }

    @Test
    void aHeartbeatFromEarlierStillExpiresOnItsOwnTime() {
        board.beat(new Heartbeat(INCIDENT, "agent", "Agent", "tab1", Activity.VIEWING, START.minusSeconds(40)), now());
        assertEquals(1, board.present(INCIDENT, "x", now()).size());
        advance(Duration.ofSeconds(5));
        assertEquals(Set.of(INCIDENT), board.expire(now()));
    }

    @Test
    void onlyStaffRolesTakePart() {
        for (String role : Roles.ALL) {
            assertEquals(!role.equals(Roles.REQUESTER), PresenceBoard.mayTakePart(Set.of(role)), role);
        }
        assertTrue(PresenceBoard.mayTakePart(Set.of(Roles.REQUESTER, Roles.AGENT)));
        assertFalse(PresenceBoard.mayTakePart(Set.of("offline_access")));
    }

    private boolean beat(String user, String session, Activity activity) {
        String display = Character.toUpperCase(user.charAt(0)) + user.substring(1);
        return board.beat(new Heartbeat(INCIDENT, user, display, session, activity, now()), now());
    }

    private Instant now() {
        return clock.instant();
    }

    private void advance(Duration duration) {
        clock = Clock.offset(clock, duration);
    }

    private static List<String> users(List<Present> present) {
        return present.stream().map(Present::user).toList();
    }
}
