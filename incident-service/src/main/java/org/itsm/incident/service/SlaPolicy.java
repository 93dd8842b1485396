package org.itsm.incident.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.catalog.SlaTarget;
import org.itsm.incident.domain.CatalogOffering;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.config.IncidentConfig;
import org.itsm.events.catalog.BusinessCalendar;
import org.itsm.events.api.Priority;
import org.itsm.incident.domain.SlaAlert;
import org.itsm.incident.domain.SlaClock;
import org.itsm.incident.domain.SlaTermsReason;
import org.itsm.incident.repository.CatalogReadModelRepository;

import io.smallrye.mutiny.Uni;

/**
 * SLA terms of an incident from its offering or its service's default offering (catalog read model) or the
 * configured defaults, and its clocks.
 */
@ApplicationScoped
public class SlaPolicy {

    public static final String TARGETS_FROM_OFFERING = "OFFERING";
    public static final String TARGETS_FROM_DEFAULTS = "DEFAULT";
    /** "No SLA line left to watch", as a timestamp PostgreSQL can store. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    private final CatalogReadModelRepository catalog;
    private final IncidentConfig config;
    private final Clock clock;

    public SlaPolicy(CatalogReadModelRepository catalog, IncidentConfig config, Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.config = config;
    }

    /**
     * Sets targets and calendar on the incident for its priority, from the offering whose terms apply
     * ({@link SlaTermsReason#of}: the named offering, else the service's default offering, else the configured
     * defaults), records why, and when to check its clocks next.
     */
    public Uni<Void> applyTerms(Incident incident) {
        boolean offeringNamed = incident.offeringId != null;
        boolean serviceNamed = incident.serviceId != null;
        Uni<CatalogOffering> offering = offeringNamed ? catalog.offering(incident.offeringId)
                : serviceNamed ? catalog.defaultOffering(incident.serviceId) : Uni.createFrom().nullItem();
        return offering.invoke(found -> {
            SlaTarget target = found == null ? null : targetFor(found.slaTargets, incident.priority);
            SlaTermsReason reason = SlaTermsReason.of(offeringNamed, serviceNamed, found != null, target != null);
            incident.responseTargetMinutes = target != null ? target.responseMinutes()
                    : config.sla().defaultResponseMinutes().get(incident.priority.name());
            incident.resolutionTargetMinutes = target != null ? target.resolutionMinutes()
                    : config.sla().defaultResolutionMinutes().get(incident.priority.name());
            incident.slaTargetSource = reason.fromOffering() ? TARGETS_FROM_OFFERING : TARGETS_FROM_DEFAULTS;
            incident.slaTermsReason = reason.name();
            incident.slaOfferingId = reason.fromOffering() ? found.id : null;
            incident.slaCalendar = found == null ? null : found.businessHours;
            scheduleNextCheck(incident, clock.instant());
        }).replaceWithVoid();
    }

    /**
     * Sets when the monitor must next look at the incident: the earliest at-risk or due moment of a clock still
     * running; a paused clock is looked at again when it resumes (resuming reschedules); closed incidents never.
     * Sets the resolution due time the queues sort by too: never while the clock is paused or stopped.
     */
    public void scheduleNextCheck(Incident incident, Instant now) {
        Instant next = NEVER;
        Instant resolutionDue = NEVER;
        if (incident.state.isOpen()) {
            if (incident.respondedAt == null) {
                next = earliest(next, nextLine(responseClock(incident), incident.responseSlaAlert, now));
            }
            SlaClock resolution = resolutionClock(incident);
            next = earliest(next, nextLine(resolution, incident.resolutionSlaAlert, now));
            if (resolution.pausedSince() == null) {
                resolutionDue = resolution.dueAt(now);
            }
        }
        incident.slaNextCheckAt = next;
        incident.resolutionDueAt = resolutionDue;
    }

    private static Instant nextLine(SlaClock clock, String alerted, Instant now) {
        if (clock.pausedSince() != null || SlaAlert.BREACHED.name().equals(alerted)) {
            return NEVER;
        }
        return SlaAlert.AT_RISK.name().equals(alerted) ? clock.dueAt(now) : clock.atRiskAt(now);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    public SlaClock responseClock(Incident incident) {
        return clock(incident, incident.responseTargetMinutes, incident.respondedAt, incident.responsePausedSeconds);
    }

    public SlaClock resolutionClock(Incident incident) {
        return clock(incident, incident.resolutionTargetMinutes, incident.resolvedAt, incident.slaPausedSeconds);
    }

    /** The working-time calendar the incident's clocks count on; 24×7 without business hours. */
    public BusinessCalendar calendar(Incident incident) {
        return BusinessCalendar.of(incident.slaCalendar);
    }

    private SlaClock clock(Incident incident, int targetMinutes, Instant stoppedAt, long pausedSeconds) {
        return new SlaClock(calendar(incident), incident.createdAt, Duration.ofMinutes(targetMinutes),
                Duration.ofSeconds(pausedSeconds), incident.slaPausedSince, stoppedAt,
                config.sla().atRiskFraction());
    }

    private static SlaTarget targetFor(List<SlaTarget> targets, Priority priority) {
        if (targets == null) {
            return null;
        }
        return targets.stream().filter(target -> priority.name().equals(target.priority())).findFirst().orElse(null);
    }
}
