package org.itsm.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * When a person's daily digest goes out: once per local day, at the configured hour of the day in their time zone
 * (the account's, else the platform's), with what was queued before that hour; what is queued after it waits for the
 * next day's. The digest of a day is one delivery whose event id is derived from the person and the local date, so
 * the delivery table's unique key allows exactly one per person and day.
 */
public final class DigestSchedule {

    /** The event type the digest deliveries are logged under. */
    public static final String EVENT_TYPE = "itsm.notification.daily-digest";

    private DigestSchedule() {
    }

    /** The digest hour that passed last: the local date it belongs to and its instant (the cutoff). */
    public record Cutoff(LocalDate date, Instant at) {
    }

    /** The latest digest hour at or before {@code now} in {@code zone}: today's once it has come, else yesterday's. */
    public static Cutoff lastCutoff(Instant now, ZoneId zone, int hour) {
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("The digest hour must be 0-23, not " + hour);
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime todays = today.atTime(hour, 0).atZone(zone);
        ZonedDateTime cutoff = todays.toInstant().isAfter(now) ? today.minusDays(1).atTime(hour, 0).atZone(zone)
                : todays;
        return new Cutoff(cutoff.toLocalDate(), cutoff.toInstant());
    }

    /**
     * The digest due at {@code now} for a person whose oldest queued delivery was planned at {@code oldestQueued}:
     * the last cutoff's, when that delivery came before it; none otherwise (it waits for the next hour).
     */
    public static Optional<Cutoff> due(Instant now, ZoneId zone, int hour, Instant oldestQueued) {
        Cutoff cutoff = lastCutoff(now, zone, hour);
        return oldestQueued.isBefore(cutoff.at()) ? Optional.of(cutoff) : Optional.empty();
    }

    /** The event id of {@code username}'s digest of {@code date}: the same for every replica and every run. */
    public static UUID eventId(String username, LocalDate date) {
        return UUID.nameUUIDFromBytes(("daily-digest:" + username + ":" + date).getBytes(StandardCharsets.UTF_8));
    }

    /** The record number the digest's delivery is logged under ({@code DIGEST-2026-12-08}). */
    public static String recordNumber(LocalDate date) {
        return "DIGEST-" + date;
    }
}
