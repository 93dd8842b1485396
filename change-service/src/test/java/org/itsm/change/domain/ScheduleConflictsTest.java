package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.change.domain.ScheduleConflicts.Conflict;
import org.itsm.change.domain.ScheduleConflicts.PlannedChange;
import org.itsm.change.domain.ScheduleConflicts.ServiceCalendar;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.catalog.WeeklyRecurrence;
import org.junit.jupiter.api.Test;

class ScheduleConflictsTest {

    private static final UUID MAIL = UUID.randomUUID();
    private static final UUID DIRECTORY = UUID.randomUUID();
    private static final UUID SELF = UUID.randomUUID();

    private static Instant at(String time) {
        return Instant.parse("2026-12-05T" + time + ":00Z");
    }

    private static Window window(String from, String to) {
        return new Window(at(from), at(to));
    }

    private final ScheduleConflicts rules = new ScheduleConflicts(Map.of(
            MAIL, new ServiceCalendar(MAIL, "Mail", Set.of(DIRECTORY), List.of(once("18:00", "20:00")), List.of()),
            DIRECTORY, new ServiceCalendar(DIRECTORY, "Directory", Set.of(), List.of(),
                    List.of(once("22:00", "23:59")))));

    private static TimeWindow once(String from, String to) {
        return new TimeWindow(at(from), at(to), "once");
    }

    /** Every Saturday (2026-12-05 is one) from {@code from} to {@code to} UTC. */
    private static TimeWindow saturdays(String from, String to) {
        return new TimeWindow(null, null, "weekly",
                new WeeklyRecurrence("SATURDAY", LocalTime.parse(from), LocalTime.parse(to), "UTC"));
    }

    @Test
    void touchingWindowsDoNotOverlap() {
        PlannedChange before = new PlannedChange(UUID.randomUUID(), "CHG0000001", ChangeState.SCHEDULED, Set.of(MAIL),
                window("08:00", "10:00"));
        assertTrue(rules.detect(SELF, Set.of(MAIL), window("10:00", "11:00"), List.of(before)).isEmpty());
        List<Conflict> overlap = rules.detect(SELF, Set.of(MAIL), window("09:59", "11:00"), List.of(before));
        assertEquals(1, overlap.size());
        assertEquals(ConflictKind.CHANGE_OVERLAP, overlap.get(0).kind());
        assertTrue(overlap.get(0).hard());
    }

    @Test
    void windowsInOtherTimeZonesCompareAsInstants() {
        // 11:30 in Paris (UTC+1) is 10:30 UTC: inside a change running 10:00-11:00 UTC
        Instant parisStart = OffsetDateTime.parse("2026-12-05T11:30:00+01:00").toInstant();
        PlannedChange running = new PlannedChange(UUID.randomUUID(), "CHG0000002", ChangeState.IMPLEMENT, Set.of(MAIL),
                window("10:00", "11:00"));
        List<Conflict> conflicts = rules.detect(SELF, Set.of(MAIL), new Window(parisStart, parisStart.plusSeconds(600)),
                List.of(running));
        assertEquals(ConflictKind.CHANGE_OVERLAP, conflicts.get(0).kind());
    }

    @Test
    void pendingChangesAndRelatedServicesAreSoft() {
        PlannedChange pending = new PlannedChange(UUID.randomUUID(), "CHG0000003", ChangeState.AUTHORIZE, Set.of(MAIL),
                window("10:00", "11:00"));
        PlannedChange onDirectory = new PlannedChange(UUID.randomUUID(), "CHG0000004", ChangeState.SCHEDULED,
                Set.of(DIRECTORY), window("10:00", "11:00"));
        List<Conflict> conflicts = rules.detect(SELF, Set.of(MAIL), window("10:30", "10:45"),
                List.of(pending, onDirectory));
        assertEquals(List.of(ConflictKind.PENDING_CHANGE_OVERLAP, ConflictKind.DEPENDENT_SERVICE_CHANGE),
                conflicts.stream().map(Conflict::kind).toList());
        assertFalse(conflicts.stream().anyMatch(Conflict::hard));
        // the service map works both ways: Mail depends on Directory, so a Directory change sees Mail's change
        PlannedChange onMail = new PlannedChange(UUID.randomUUID(), "CHG0000005", ChangeState.SCHEDULED, Set.of(MAIL),
                window("22:00", "23:00"));
        assertEquals(ConflictKind.DEPENDENT_SERVICE_CHANGE,
                rules.detect(SELF, Set.of(DIRECTORY), window("22:00", "23:00"), List.of(onMail)).get(0).kind());
    }

    @Test
    void blackoutsAreHardAndMaintenanceWindowsSoft() {
        List<Conflict> blackout = rules.detect(SELF, Set.of(MAIL), window("19:00", "21:00"), List.of());
        assertEquals(ConflictKind.BLACKOUT, blackout.get(0).kind());
        assertTrue(blackout.get(0).hard());
        assertTrue(rules.detect(SELF, Set.of(MAIL), window("20:00", "21:00"), List.of()).isEmpty());
        assertEquals(ConflictKind.OUTSIDE_MAINTENANCE_WINDOW,
                rules.detect(SELF, Set.of(DIRECTORY), window("21:30", "22:30"), List.of()).get(0).kind());
        assertTrue(rules.detect(SELF, Set.of(DIRECTORY), window("22:00", "23:00"), List.of()).isEmpty());
    }

    @Test
    void theChangeItselfIsNoConflict() {
        PlannedChange itself = new PlannedChange(SELF, "CHG0000006", ChangeState.SCHEDULED, Set.of(MAIL),
                window("10:00", "11:00"));
        assertTrue(rules.detect(SELF, Set.of(MAIL), window("10:00", "11:00"), List.of(itself)).isEmpty());
    }

    @Test
    void firstAvailableWindowSkipsCommittedChangesAndBlackouts() {
        PlannedChange first = new PlannedChange(UUID.randomUUID(), "CHG0000007", ChangeState.SCHEDULED, Set.of(MAIL),
                window("16:00", "17:30"));
        PlannedChange second = new PlannedChange(UUID.randomUUID(), "CHG0000008", ChangeState.SCHEDULED, Set.of(MAIL),
                window("17:45", "18:00"));
        PlannedChange pending = new PlannedChange(UUID.randomUUID(), "CHG0000009", ChangeState.AUTHORIZE, Set.of(MAIL),
                window("20:00", "22:00"));
        // wanted 16:30-17:30 (1 h): 17:30-18:30 hits the 17:45 change, after it the 18:00-20:00 blackout: 20:00
        Window found = rules.firstAvailable(SELF, Set.of(MAIL), window("16:30", "17:30"), at("16:30"),
                List.of(first, second, pending));
        assertEquals(window("20:00", "21:00"), found);
        // a free wanted window is kept
        assertEquals(window("12:00", "13:00"),
                rules.firstAvailable(SELF, Set.of(MAIL), window("12:00", "13:00"), at("00:00"), List.of(first)));
    }

    @Test
    void anImplementerBookedOnAnOverlappingCommittedChangeIsAHardConflict() {
        PlannedChange elsewhere = new PlannedChange(UUID.randomUUID(), "CHG0000010", ChangeState.SCHEDULED,
                Set.of(DIRECTORY), window("10:00", "12:00"), "ivan");
        List<Conflict> conflicts = rules.detect(SELF, Set.of(UUID.randomUUID()), "ivan", window("11:00", "13:00"),
                List.of(elsewhere));
        assertEquals(List.of(ConflictKind.IMPLEMENTER), conflicts.stream().map(Conflict::kind).toList());
        assertTrue(conflicts.get(0).hard());
        assertTrue(rules.detect(SELF, Set.of(UUID.randomUUID()), "jane", window("11:00", "13:00"), List.of(elsewhere))
                .isEmpty());
        // the first available window waits for the implementer too
        assertEquals(window("12:00", "13:00"), rules.firstAvailable(SELF, Set.of(UUID.randomUUID()), "ivan",
                window("11:00", "12:00"), at("00:00"), at("23:00"), List.of(elsewhere)));
    }

    @Test
    void weeklyBlackoutsAndMaintenanceWindowsCountInEveryWeek() {
        UUID shop = UUID.randomUUID();
        ScheduleConflicts weekly = new ScheduleConflicts(Map.of(shop, new ServiceCalendar(shop, "Shop", Set.of(),
                List.of(saturdays("08:00", "20:00")), List.of(saturdays("21:00", "04:00")))));
        Duration week = Duration.ofDays(7);
        // three weeks after 2026-12-05, still a Saturday
        Window saturdayNoon = new Window(at("12:00").plus(week.multipliedBy(3)), at("13:00").plus(week.multipliedBy(3)));
        List<Conflict> conflicts = weekly.detect(SELF, Set.of(shop), saturdayNoon, List.of());
        assertEquals(List.of(ConflictKind.BLACKOUT, ConflictKind.OUTSIDE_MAINTENANCE_WINDOW),
                conflicts.stream().map(Conflict::kind).toList());
        assertEquals(at("08:00").plus(week.multipliedBy(3)), conflicts.get(0).window().start());
        // the overnight maintenance window reaches into Sunday
        Window sundayNight = new Window(at("23:30").plus(week), at("23:30").plus(week).plus(Duration.ofHours(3)));
        assertTrue(weekly.detect(SELF, Set.of(shop), sundayNight, List.of()).isEmpty());
    }

    @Test
    void firstAvailableWindowAvoidsBlackoutsAndPrefersMaintenanceWindows() {
        UUID shop = UUID.randomUUID();
        ScheduleConflicts weekly = new ScheduleConflicts(Map.of(shop, new ServiceCalendar(shop, "Shop", Set.of(),
                List.of(saturdays("08:00", "20:00")), List.of(saturdays("21:00", "04:00")))));
        PlannedChange early = new PlannedChange(UUID.randomUUID(), "CHG0000011", ChangeState.SCHEDULED, Set.of(shop),
                window("21:00", "22:00"));
        // wanted Saturday 10:00-12:00 (in the blackout): the maintenance window opens at 21:00, the first hour is taken
        Window found = weekly.firstAvailable(SELF, Set.of(shop), null, window("10:00", "12:00"), at("00:00"),
                at("00:00").plus(Duration.ofDays(30)), List.of(early));
        assertEquals(window("22:00", "23:59").start(), found.start());
        assertEquals(Duration.ofHours(2), found.length());
        // without maintenance windows: just past the blackout
        ScheduleConflicts blackoutOnly = new ScheduleConflicts(Map.of(shop, new ServiceCalendar(shop, "Shop",
                Set.of(), List.of(saturdays("08:00", "20:00")), List.of())));
        assertEquals(window("20:00", "22:00"), blackoutOnly.firstAvailable(SELF, Set.of(shop), null,
                window("10:00", "12:00"), at("00:00"), at("00:00").plus(Duration.ofDays(30)), List.of()));
        // a change too long for any maintenance window still gets the earliest window free of hard conflicts
        Window tooLong = weekly.firstAvailable(SELF, Set.of(shop), null, new Window(at("10:00"), at("10:00")
                .plus(Duration.ofHours(9))), at("00:00"), at("00:00").plus(Duration.ofDays(30)), List.of(early));
        assertEquals(at("22:00"), tooLong.start());
    }
}
