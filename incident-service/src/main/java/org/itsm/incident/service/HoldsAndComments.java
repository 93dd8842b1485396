package org.itsm.incident.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.incident.domain.IncidentLifecycle;
import org.itsm.incident.domain.Move;
import org.itsm.incident.service.IncidentCommands.HoldIncident;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Waiting and talking: holds (awaiting the caller pauses the SLA clocks and carries a comment to the caller), resume,
 * public comments and internal work notes, and the caller's reply that resumes an incident awaiting them. The rules
 * are IncidentLifecycle's; the moves are made by {@link IncidentMoves}.
 */
@ApplicationScoped
public class HoldsAndComments {

    private final VisibleIncidents visible;
    private final IncidentMoves moves;
    private final IncidentComments comments;
    private final SlaPauses pauses;
    private final Clock clock;

    public HoldsAndComments(VisibleIncidents visible, IncidentMoves moves, IncidentComments comments,
            SlaPauses pauses, Clock clock) {
        this.visible = visible;
        this.moves = moves;
        this.comments = comments;
        this.pauses = pauses;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Incident> hold(UUID id, String ifMatch, HoldIncident command, Actor actor) {
        return moves.move(id, ifMatch, Move.HOLD, actor, (incident, now, edits) -> {
            IncidentLifecycle.requireHoldFields(command.holdReason(), command.comment());
            incident.holdReason = command.holdReason();
            Uni<Void> pause = IncidentLifecycle.pausesSla(command.holdReason())
                    ? pauses.start(incident, command.holdReason(), now)
                    : Uni.createFrom().voidItem();
            return pause.flatMap(ignored -> command.comment() == null || command.comment().isBlank()
                    ? Uni.createFrom().voidItem()
                    : comments.add(incident, actor.name(), command.comment(), false).replaceWithVoid());
        });
    }

    @WithTransaction
    public Uni<Incident> resume(UUID id, String ifMatch, Actor actor) {
        return moves.move(id, ifMatch, Move.RESUME, actor, (incident, now, edits) -> pauses.end(incident, now));
    }

    /** A public comment or an internal work note; the caller's reply to AWAITING_CALLER resumes the incident. */
    @WithTransaction
    public Uni<IncidentComment> comment(UUID id, String body, boolean internal, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> {
            IncidentLifecycle.requireCommentable(incident.number, incident.state);
            boolean resumes = IncidentLifecycle.replyResumes(incident.state, incident.holdReason,
                    actor.isCaller(incident.caller), internal);
            Uni<IncidentComment> added = comments.add(incident, actor.name(), body, internal)
                    .invoke(() -> incident.updatedAt = clock.instant());
            if (!resumes) {
                return added;
            }
            // the caller's reply resumes by rule (no access check: it is the effect of their comment)
            return added.flatMap(comment -> moves.applyMove(incident, null, Move.RESUME, actor,
                    (resumed, now, edits) -> pauses.end(resumed, now)).map(ignored -> comment));
        });
    }

    @WithSession
    public Uni<List<IncidentComment>> comments(UUID id, boolean internal, Actor actor) {
        return visible.get(id, actor).flatMap(incident -> comments.of(incident.id, internal));
    }
}
