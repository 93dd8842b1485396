package org.itsm.incident.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.HoldReason;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.SlaPause;
import org.itsm.incident.repository.SlaPauseRepository;

import io.smallrye.mutiny.Uni;

/** Starts and ends the pauses of an incident's SLA clocks (a hold awaiting the caller), each one recorded. */
@ApplicationScoped
public class SlaPauses {

    private final SlaPauseRepository pauses;
    private final SlaPolicy slaPolicy;

    public SlaPauses(SlaPauseRepository pauses, SlaPolicy slaPolicy) {
        this.pauses = pauses;
        this.slaPolicy = slaPolicy;
    }

    public Uni<Void> start(Incident incident, HoldReason reason, Instant now) {
        SlaPause pause = new SlaPause();
        pause.incidentId = incident.id;
        pause.reason = reason;
        pause.startedAt = now;
        incident.slaPausedSince = now;
        return pauses.persist(pause).replaceWithVoid();
    }

    /** Ends the pause; each clock is credited only the part of it while that clock ran (SlaClock.pauseCounted). */
    public Uni<Void> end(Incident incident, Instant now) {
        if (incident.slaPausedSince == null) {
            return Uni.createFrom().voidItem();
        }
        incident.responsePausedSeconds += slaPolicy.responseClock(incident)
                .pauseCounted(incident.slaPausedSince, now).toSeconds();
        incident.slaPausedSeconds += slaPolicy.resolutionClock(incident)
                .pauseCounted(incident.slaPausedSince, now).toSeconds();
        incident.slaPausedSince = null;
        return pauses.end(incident.id, now).replaceWithVoid();
    }
}
