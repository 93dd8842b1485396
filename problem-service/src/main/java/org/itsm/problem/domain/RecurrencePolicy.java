package org.itsm.problem.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * When incidents recur: at least {@code threshold} incidents of one service and category reported within
 * {@code window} of each other, counted by the time each was reported and whatever its state now (three incidents
 * fixed within minutes are a pattern all the same); only a cancelled incident, raised in error, does not count.
 * Given the reports of such incidents, picks the ones that form the pattern.
 */
public final class RecurrencePolicy {

    /** An incident report: its number, when it was reported and its state now (null when not known). */
    public record Report(String incidentNumber, Instant reportedAt, String state) {

        public Report(String incidentNumber, Instant reportedAt) {
            this(incidentNumber, reportedAt, null);
        }
    }

    /** Whether an incident in {@code state} is an occurrence that counts: any state but cancelled. */
    public static boolean counts(String state) {
        return !"CANCELLED".equals(state);
    }

    private final int threshold;
    private final Duration window;

    public RecurrencePolicy(int threshold, Duration window) {
        if (threshold < 2) {
            throw new IllegalArgumentException("a recurrence needs at least 2 incidents, got " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the detection window must be positive, got " + window);
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Where to look for reports that may recur with a report made at {@code at}: one window either side. */
    public Instant searchFrom(Instant at) {
        return at.minus(window);
    }

    public Instant searchUntil(Instant at) {
        return at.plus(window);
    }

    /**
     * The reports that recur together with {@code latest} (the report just received, which may have been made
     * before others already received): the fullest window that contains it, if it holds at least
     * {@code threshold} reports; otherwise none.
     */
    public List<Report> recurring(Report latest, List<Report> reports) {
        List<Report> sorted = reports.stream()
                .filter(report -> counts(report.state()))
                .sorted(Comparator.comparing(Report::reportedAt).thenComparing(Report::incidentNumber))
                .toList();
        if (sorted.stream().noneMatch(report -> report.incidentNumber().equals(latest.incidentNumber()))) {
            return List.of();
        }
        List<Report> fullest = List.of();
        for (Report start : sorted) {
            Instant from = start.reportedAt();
            Instant until = from.plus(window);
            if (latest.reportedAt().isBefore(from) || latest.reportedAt().isAfter(until)) {
                continue;
            }
            List<Report> inWindow = sorted.stream()
                    .filter(report -> !report.reportedAt().isBefore(from) && !report.reportedAt().isAfter(until))
                    .toList();
            if (inWindow.size() > fullest.size()) {
                fullest = inWindow;
            }
        }
        return fullest.size() >= threshold ? fullest : List.of();
    }
}
