package org.itsm.catalog.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.catalog.WeeklyRecurrence;

/**
 * Maintenance and blackout windows of an offering. A one-off window needs {@code start} before {@code end}. A weekly
 * window ({@code weekly}) repeats on {@code day} (MONDAY..SUNDAY) from {@code from} to {@code to} local time in
 * {@code timeZone} (an IANA region id such as Asia/Seoul; a {@code to} before {@code from} ends the next day, equal
 * times are refused); its {@code start}/{@code end} bound the period it applies in, either may be absent, and when
 * both are given start is before end. Errors name {@code <list>[i].<field>}.
 */
public final class WindowRules {

    /** One window as given: the weekly part's day is text, so a bad day name is named, not a parse error. */
    public record Window(Instant start, Instant end, String description, Weekly weekly) {
    }

    public record Weekly(String day, LocalTime from, LocalTime to, String timeZone) {
    }

    /** A broken rule: the field's path and what is wrong. */
    public record Problem(String field, String message) {
    }

    private WindowRules() {
    }

    public static List<Problem> problems(String list, List<Window> windows) {
        List<Problem> problems = new ArrayList<>();
        if (windows == null) {
            return problems;
        }
        for (int i = 0; i < windows.size(); i++) {
            String at = list + "[" + i + "]";
            Window window = windows.get(i);
            if (window == null) {
                problems.add(new Problem(at, "must be a window"));
                continue;
            }
            if (window.weekly() == null) {
                if (window.start() == null) {
                    problems.add(new Problem(at + ".start", "a one-off window needs a start (or give weekly)"));
                }
                if (window.end() == null) {
                    problems.add(new Problem(at + ".end", "a one-off window needs an end (or give weekly)"));
                }
            } else {
                weekly(at + ".weekly", window.weekly(), problems);
            }
            if (window.start() != null && window.end() != null && !window.start().isBefore(window.end())) {
                problems.add(new Problem(at + ".end", "must be after start"));
            }
        }
        return problems;
    }

    private static void weekly(String at, Weekly weekly, List<Problem> problems) {
        if (weekly.day() == null || dayOf(weekly.day()) == null) {
            problems.add(new Problem(at + ".day", "must be a day of the week, MONDAY to SUNDAY"));
        }
        if (weekly.from() == null) {
            problems.add(new Problem(at + ".from", "is required (local time, e.g. 02:00)"));
        }
        if (weekly.to() == null) {
            problems.add(new Problem(at + ".to", "is required (local time, e.g. 04:00)"));
        } else if (weekly.to().equals(weekly.from())) {
            problems.add(new Problem(at + ".to", "must differ from from"));
        }
        if (weekly.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(weekly.timeZone())) {
            problems.add(new Problem(at + ".timeZone", "must be an IANA time zone such as Asia/Seoul"));
        }
    }

    private static DayOfWeek dayOf(String day) {
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The windows as stored and published (call once {@link #problems} found none); day names upper-cased. */
    public static List<TimeWindow> toContract(List<Window> windows) {
        if (windows == null) {
            return List.of();
        }
        return windows.stream().map(window -> new TimeWindow(window.start(), window.end(), window.description(),
                window.weekly() == null ? null : new WeeklyRecurrence(dayOf(window.weekly().day()).name(),
                        window.weekly().from(), window.weekly().to(), window.weekly().timeZone()))).toList();
    }
}
