package org.itsm.change.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.change.domain.CatalogOffering;
import org.itsm.change.domain.CatalogService;
import org.itsm.change.domain.ChangeRequest;
import org.itsm.change.domain.ChangeState;
import org.itsm.change.domain.ScheduleConflicts;
import org.itsm.change.domain.ScheduleConflicts.Conflict;
import org.itsm.change.domain.ScheduleConflicts.PlannedChange;
import org.itsm.change.domain.ScheduleConflicts.ServiceCalendar;
import org.itsm.change.domain.Window;
import org.itsm.change.repository.CatalogReadModelRepository;
import org.itsm.change.repository.ChangeRepository;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.TimeWindow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Puts the conflict rules to work on the stored changes and the catalog read model. */
@ApplicationScoped
public class ChangeCalendar {

    /** How far ahead the first free window is searched. */
    static final Duration SEARCH_HORIZON = Duration.ofDays(366 * 2);

    private static final TypeReference<List<TimeWindow>> WINDOWS = new TypeReference<>() {
    };

    private final ChangeRepository changes;
    private final CatalogReadModelRepository catalog;
    private final ObjectMapper objectMapper;

    public ChangeCalendar(ChangeRepository changes, CatalogReadModelRepository catalog, ObjectMapper objectMapper) {
        this.changes = changes;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
    }

    /** The conflicts of the change's planned window; empty when it has no window yet. */
    public Uni<List<Conflict>> conflicts(ChangeRequest change) {
        Window window = change.window();
        if (window == null) {
            return Uni.createFrom().item(List.of());
        }
        return rules().flatMap(rules -> changes.inWindow(ChangeRepository.ON_CALENDAR, window.start(), window.end())
                .map(others -> rules.detect(change.id, Set.copyOf(change.affectedServiceIds), change.implementer,
                        window, planned(others))));
    }

    /**
     * The earliest window of the same length, from now or the planned start, free of hard conflicts, preferring the
     * services' maintenance windows (see {@link ScheduleConflicts}).
     */
    public Uni<Window> firstAvailable(ChangeRequest change, Instant now) {
        Window wanted = change.window();
        Instant from = wanted.start().isBefore(now) ? now : wanted.start();
        Instant until = from.plus(SEARCH_HORIZON);
        return rules().flatMap(rules -> changes.inWindow(List.of(ChangeState.SCHEDULED, ChangeState.IMPLEMENT),
                from, until.plus(wanted.length()))
                .map(others -> rules.firstAvailable(change.id, Set.copyOf(change.affectedServiceIds),
                        change.implementer, wanted, from, until, planned(others))));
    }

    /** The blackout windows of every service overlapping [from, to), with the service they belong to. */
    public Uni<List<ServiceBlackout>> blackouts(Instant from, Instant to) {
        Window range = new Window(from, to);
        return catalog.services().flatMap(services -> catalog
                .offerings().map(offerings -> {
                    Map<UUID, String> names = new HashMap<>();
                    services.forEach(service -> names.put(service.id, service.name));
                    List<ServiceBlackout> found = new ArrayList<>();
                    for (CatalogOffering offering : offerings) {
                        for (TimeWindow blackout : windows(offering.blackoutWindows)) {
                            // weekly blackouts appear once per occurrence in the range
                            for (TimeWindow occurrence : blackout.occurrencesBetween(range.start(), range.end())) {
                                found.add(new ServiceBlackout(offering.serviceId, names.get(offering.serviceId),
                                        occurrence));
                            }
                        }
                    }
                    return found;
                }));
    }

    public record ServiceBlackout(UUID serviceId, String serviceName, TimeWindow window) {
    }

    private Uni<ScheduleConflicts> rules() {
        return catalog.services().flatMap(services -> catalog.offerings().map(offerings -> {
            Map<UUID, ServiceCalendar> calendars = new HashMap<>();
            for (CatalogService service : services) {
                List<TimeWindow> blackouts = new ArrayList<>();
                List<TimeWindow> maintenance = new ArrayList<>();
                for (CatalogOffering offering : offerings) {
                    if (service.id.equals(offering.serviceId) && !OfferingStatus.RETIRED.name().equals(offering.status)) {
                        windows(offering.blackoutWindows).stream().filter(TimeWindow::usable).forEach(blackouts::add);
                        windows(offering.maintenanceWindows).stream().filter(TimeWindow::usable)
                                .forEach(maintenance::add);
                    }
                }
                calendars.put(service.id, new ServiceCalendar(service.id, service.name,
                        new HashSet<>(service.dependsOn), blackouts, maintenance));
            }
            return new ScheduleConflicts(calendars);
        }));
    }

    private static List<PlannedChange> planned(List<ChangeRequest> others) {
        return others.stream().filter(other -> other.window() != null)
                .map(other -> new PlannedChange(other.id, other.number, other.state,
                        Set.copyOf(other.affectedServiceIds), other.window(), other.implementer))
                .toList();
    }

    private List<TimeWindow> windows(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return objectMapper.readValue(json, WINDOWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalog windows are not readable", e);
        }
    }
}
