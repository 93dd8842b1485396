package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DigestScheduleTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void theLastCutoffIsTodaysHourOnceItCameElseYesterdaysInThePersonsZone() {
        // 22:59 UTC on the 7th is 07:59 on the 8th in Seoul: the 7th's 08:00 was the last
        assertEquals(new DigestSchedule.Cutoff(LocalDate.of(2026, 12, 7), Instant.parse("2026-12-06T23:00:00Z")),
                DigestSchedule.lastCutoff(Instant.parse("2026-12-07T22:59:00Z"), SEOUL, 8));
        assertEquals(new DigestSchedule.Cutoff(LocalDate.of(2026, 12, 8), Instant.parse("2026-12-07T23:00:00Z")),
                DigestSchedule.lastCutoff(Instant.parse("2026-12-07T23:00:00Z"), SEOUL, 8));
        // the same instant in UTC: the 7th at 08:00
        assertEquals(new DigestSchedule.Cutoff(LocalDate.of(2026, 12, 7), Instant.parse("2026-12-07T08:00:00Z")),
                DigestSchedule.lastCutoff(Instant.parse("2026-12-07T23:00:00Z"), ZoneOffset.UTC, 8));
        assertThrows(IllegalArgumentException.class,
                () -> DigestSchedule.lastCutoff(Instant.parse("2026-12-08T07:00:00Z"), ZoneOffset.UTC, 24));
    }

    @Test
    void aDigestIsDueAtTheHourWithWhatCameBeforeItAndLaterMailWaitsForTheNextDay() {
        Instant queuedAt = Instant.parse("2026-12-07T15:00:00Z");
        // the same day after the hour: it came after the 7th's cutoff, so it waits
        assertEquals(Optional.empty(), DigestSchedule.due(Instant.parse("2026-12-07T20:00:00Z"), ZoneOffset.UTC, 8,
                queuedAt));
        assertEquals(Optional.empty(), DigestSchedule.due(Instant.parse("2026-12-08T07:59:59Z"), ZoneOffset.UTC, 8,
                queuedAt));
        assertEquals(Optional.of(new DigestSchedule.Cutoff(LocalDate.of(2026, 12, 8),
                Instant.parse("2026-12-08T08:00:00Z"))),
                DigestSchedule.due(Instant.parse("2026-12-08T08:00:00Z"), ZoneOffset.UTC, 8, queuedAt));
    }

    @Test
    void oneDigestIdentityPerPersonAndDay() {
        LocalDate day = LocalDate.of(2026, 12, 8);
        assertEquals(DigestSchedule.eventId("kim", day), DigestSchedule.eventId("kim", day));
        assertNotEquals(DigestSchedule.eventId("kim", day), DigestSchedule.eventId("kim", day.plusDays(1)));
        assertNotEquals(DigestSchedule.eventId("kim", day), DigestSchedule.eventId("lee", day));
        assertEquals("DIGEST-2026-12-08", DigestSchedule.recordNumber(day));
    }
}
