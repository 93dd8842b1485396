package org.itsm.change.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.itsm.events.catalog.TimeWindow;

/**
 * Conflict detection on the change calendar: other changes on the same services (hard when they are committed, that
 * is scheduled or being implemented), the same implementer booked on a committed change in an overlapping window
 * (hard), blackout windows (hard), changes on services related through the service map (soft) and windows outside
 * the services' maintenance windows (soft). Catalog windows may be one-off or weekly ({@link TimeWindow}): every
 * occurrence counts.
 *
 * <p>The first available window of the same length never meets a hard conflict (so never a blackout). Maintenance
 * windows are preferred slots: when an affected service has maintenance windows, the first available window is the
 * earliest one free of hard conflicts that lies inside a maintenance window of every such service; only when there
 * is none within the search horizon is it the earliest one free of hard conflicts (then flagged softly, as
 * {@code OUTSIDE_MAINTENANCE_WINDOW}).
 */
public final class ScheduleConflicts {

    /** Another change with its window, as the calendar knows it. */
    public record PlannedChange(UUID id, String number, ChangeState state, Set<UUID> serviceIds, Window window,
            String implementer) {

        /** A change with no implementer named. */
        public PlannedChange(UUID id, String number, ChangeState state, Set<UUID> serviceIds, Window window) {
            this(id, number, state, serviceIds, window, null);
        }

        boolean committed() {
            return state == ChangeState.SCHEDULED || state == ChangeState.IMPLEMENT;
        }

        boolean bookedFor(String person) {
            return person != null && person.equals(implementer);
        }
    }

    /** What the catalog says about one service: its dependencies and its offerings' windows (one-off or weekly). */
    public record ServiceCalendar(UUID serviceId, String name, Set<UUID> dependsOn, List<TimeWindow> blackouts,
            List<TimeWindow> maintenanceWindows) {
    }

    public record Conflict(ConflictKind kind, boolean hard, UUID serviceId, String changeNumber, Window window,
            String description) {
    }

    private final Map<UUID, ServiceCalendar> services;

    /** {@code services}: the calendar of every known service (the whole read model, for reverse dependencies). */
    public ScheduleConflicts(Map<UUID, ServiceCalendar> services) {
        this.services = services;
    }

    public List<Conflict> detect(UUID changeId, Set<UUID> serviceIds, Window window, Collection<PlannedChange> others) {
        return detect(changeId, serviceIds, null, window, others);
    }

    /** The conflicts of {@code window} for a change on {@code serviceIds} implemented by {@code implementer}. */
    public List<Conflict> detect(UUID changeId, Set<UUID> serviceIds, String implementer, Window window,
            Collection<PlannedChange> others) {
        List<Conflict> conflicts = new ArrayList<>();
        Set<UUID> related = related(serviceIds);
        for (PlannedChange other : others) {
            if (other.id().equals(changeId) || !other.window().overlaps(window)) {
                continue;
            }
            if (other.committed() && other.bookedFor(implementer)) {
                conflicts.add(new Conflict(ConflictKind.IMPLEMENTER, ConflictKind.IMPLEMENTER.hard(), null,
                        other.number(), other.window(), implementer + " implements " + other.number() + " ("
                                + other.state() + ") in an overlapping window"));
            }
            Optional<UUID> shared = other.serviceIds().stream().filter(serviceIds::contains).findFirst();
            if (shared.isPresent()) {
                ConflictKind kind = other.committed() ? ConflictKind.CHANGE_OVERLAP : ConflictKind.PENDING_CHANGE_OVERLAP;
                conflicts.add(new Conflict(kind, kind.hard(), shared.get(), other.number(), other.window(),
                        other.number() + " (" + other.state() + ") on " + name(shared.get()) + " overlaps the window"));
                continue;
            }
            other.serviceIds().stream().filter(related::contains).findFirst().ifPresent(service -> conflicts.add(
                    new Conflict(ConflictKind.DEPENDENT_SERVICE_CHANGE, false, service, other.number(), other.window(),
                            other.number() + " on related service " + name(service) + " overlaps the window")));
        }
        for (UUID serviceId : serviceIds) {
            ServiceCalendar calendar = services.get(serviceId);
            if (calendar == null) {
                continue;
            }
            for (TimeWindow blackout : calendar.blackouts()) {
                for (TimeWindow occurrence : blackout.occurrencesBetween(window.start(), window.end())) {
                    conflicts.add(new Conflict(ConflictKind.BLACKOUT, true, serviceId, null,
                            new Window(occurrence.start(), occurrence.end()), "blackout window of " + calendar.name()
                                    + " from " + occurrence.start() + " to " + occurrence.end()));
                }
            }
            if (!inMaintenance(calendar, window)) {
                conflicts.add(new Conflict(ConflictKind.OUTSIDE_MAINTENANCE_WINDOW, false, serviceId, null, null,
                        "the window is outside every maintenance window of " + calendar.name()));
            }
        }
        return conflicts;
    }

    /** {@link #firstAvailable(UUID, Set, String, Window, Instant, Instant, Collection)} with no implementer, two years. */
    public Window firstAvailable(UUID changeId, Set<UUID> serviceIds, Window wanted, Instant from,
            Collection<PlannedChange> others) {
        return firstAvailable(changeId, serviceIds, null, wanted, from, from.plus(Duration.ofDays(732)), others);
    }

    /**
     * The earliest window of the wanted length starting at or after {@code from} (and after the wanted start) that
     * no committed change on the same services or of the same implementer and no blackout occurrence overlaps,
     * preferring one inside the affected services' maintenance windows (see the class comment). Searched until
     * {@code until}.
     */
    public Window firstAvailable(UUID changeId, Set<UUID> serviceIds, String implementer, Window wanted, Instant from,
            Instant until, Collection<PlannedChange> others) {
        Duration length = wanted.length();
        Instant earliest = wanted.start().isBefore(from) ? from : wanted.start();
        Instant horizon = until.isAfter(earliest) ? until.plus(length) : earliest.plus(length);
        List<Window> blockers = new ArrayList<>();
        for (PlannedChange other : others) {
            if (!other.id().equals(changeId) && other.committed()
                    && (other.serviceIds().stream().anyMatch(serviceIds::contains) || other.bookedFor(implementer))) {
                blockers.add(other.window());
            }
        }
        List<ServiceCalendar> withMaintenance = new ArrayList<>();
        for (UUID serviceId : serviceIds) {
            ServiceCalendar calendar = services.get(serviceId);
            if (calendar == null) {
                continue;
            }
            for (TimeWindow blackout : calendar.blackouts()) {
                blackout.occurrencesBetween(earliest, horizon)
                        .forEach(occurrence -> blockers.add(new Window(occurrence.start(), occurrence.end())));
            }
            if (!calendar.maintenanceWindows().isEmpty()) {
                withMaintenance.add(calendar);
            }
        }
        blockers.sort(Comparator.comparing(Window::start));
        Window free = earliestFree(earliest, length, blockers);
        if (withMaintenance.isEmpty()) {
            return free;
        }
        // candidate starts: the earliest moment, and every maintenance occurrence's start after it
        TreeSet<Instant> candidates = new TreeSet<>();
        candidates.add(earliest);
        for (ServiceCalendar calendar : withMaintenance) {
            for (TimeWindow maintenance : calendar.maintenanceWindows()) {
                maintenance.occurrencesBetween(earliest, horizon).stream().map(TimeWindow::start)
                        .filter(start -> !start.isBefore(earliest)).forEach(candidates::add);
            }
        }
        for (Instant candidate : candidates) {
            if (candidate.isAfter(until)) {
                break;
            }
            Window slot = earliestFree(candidate, length, blockers);
            if (withMaintenance.stream().allMatch(calendar -> inMaintenance(calendar, slot))) {
                return slot;
            }
        }
        return free;
    }

    private static Window earliestFree(Instant from, Duration length, List<Window> blockers) {
        Instant start = from;
        boolean moved = true;
        while (moved) {
            Window candidate = new Window(start, start.plus(length));
            moved = false;
            for (Window blocker : blockers) {
                if (blocker.overlaps(candidate)) {
                    // the candidate cannot start before this blocker ends; blockers are finite, so this ends
                    start = blocker.end();
                    moved = true;
                    break;
                }
            }
        }
        return new Window(start, start.plus(length));
    }

    /** True when the service has no maintenance windows, or one occurrence of one contains the whole window. */
    private static boolean inMaintenance(ServiceCalendar calendar, Window window) {
        return calendar.maintenanceWindows().isEmpty() || calendar.maintenanceWindows().stream()
                .anyMatch(allowed -> allowed.covers(window.start(), window.end()));
    }

    private Set<UUID> related(Set<UUID> serviceIds) {
        Set<UUID> related = new HashSet<>();
        for (UUID serviceId : serviceIds) {
            ServiceCalendar calendar = services.get(serviceId);
            if (calendar != null) {
                related.addAll(calendar.dependsOn());
            }
        }
        for (ServiceCalendar calendar : services.values()) {
            if (calendar.dependsOn().stream().anyMatch(serviceIds::contains)) {
                related.add(calendar.serviceId());
            }
        }
        related.removeAll(serviceIds);
        return related;
    }

    private String name(UUID serviceId) {
        ServiceCalendar calendar = services.get(serviceId);
        return calendar == null ? serviceId.toString() : calendar.name();
    }
}
