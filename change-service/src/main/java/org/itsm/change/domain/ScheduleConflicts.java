package org.itsm.change.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Conflict detection on the change calendar: other changes on the same services (hard when they are committed, that
 * is scheduled or being implemented), blackout windows (hard), changes on services related through the service map
 * (soft) and windows outside the services' maintenance windows (soft). Also finds the first window of the same length
 * free of hard conflicts.
 */
public final class ScheduleConflicts {

    /** Another change with its window, as the calendar knows it. */
    public record PlannedChange(UUID id, String number, ChangeState state, Set<UUID> serviceIds, Window window) {

        boolean committed() {
            return state == ChangeState.SCHEDULED || state == ChangeState.IMPLEMENT;
        }
    }

    /** What the catalog says about one service: its dependencies and its offerings' windows. */
    public record ServiceCalendar(UUID serviceId, String name, Set<UUID> dependsOn, List<Window> blackouts,
            List<Window> maintenanceWindows) {
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
        List<Conflict> conflicts = new ArrayList<>();
        Set<UUID> related = related(serviceIds);
        for (PlannedChange other : others) {
            if (other.id().equals(changeId) || !other.window().overlaps(window)) {
                continue;
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
            for (Window blackout : calendar.blackouts()) {
                if (blackout.overlaps(window)) {
                    conflicts.add(new Conflict(ConflictKind.BLACKOUT, true, serviceId, null, blackout,
                            "blackout window of " + calendar.name() + " from " + blackout.start() + " to "
                                    + blackout.end()));
                }
            }
            if (!calendar.maintenanceWindows().isEmpty()
                    && calendar.maintenanceWindows().stream().noneMatch(allowed -> allowed.contains(window))) {
                conflicts.add(new Conflict(ConflictKind.OUTSIDE_MAINTENANCE_WINDOW, false, serviceId, null, null,
                        "the window is outside every maintenance window of " + calendar.name()));
            }
        }
        return conflicts;
    }

    /**
     * The earliest window of {@code length} starting at or after {@code from} that no committed change on the same
     * services and no blackout overlaps.
     */
    public Window firstAvailable(UUID changeId, Set<UUID> serviceIds, Window wanted, Instant from,
            Collection<PlannedChange> others) {
        List<Window> blockers = new ArrayList<>();
        for (PlannedChange other : others) {
            if (!other.id().equals(changeId) && other.committed()
                    && other.serviceIds().stream().anyMatch(serviceIds::contains)) {
                blockers.add(other.window());
            }
        }
        for (UUID serviceId : serviceIds) {
            ServiceCalendar calendar = services.get(serviceId);
            if (calendar != null) {
                blockers.addAll(calendar.blackouts());
            }
        }
        blockers.sort(Comparator.comparing(Window::start));
        Instant start = wanted.start().isBefore(from) ? from : wanted.start();
        boolean moved = true;
        while (moved) {
            Window candidate = new Window(start, start.plus(wanted.length()));
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
        return new Window(start, start.plus(wanted.length()));
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
