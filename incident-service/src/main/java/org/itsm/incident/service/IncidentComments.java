package org.itsm.incident.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.api.Mentions;
import org.itsm.incident.domain.Incident;
import org.itsm.incident.domain.IncidentComment;
import org.itsm.incident.messaging.IncidentEventPublisher;
import org.itsm.incident.repository.IncidentCommentRepository;
import org.itsm.support.persistence.FieldChange;
import org.itsm.support.persistence.HistoryEntry;
import org.itsm.support.persistence.RecordHistory;

import io.smallrye.mutiny.Uni;

/**
 * Public comments and internal work notes as stored: each one added leaves a history entry naming its visibility
 * ({@link #COMMENT_PUBLIC} or {@link #COMMENT_WORK_NOTE}), whoever adds it (an agent, the caller, a move, the
 * problem-management effects). People it {@code @mentions} ({@link Mentions}) are announced with a {@code mentioned}
 * event (notification-service tells those who may see it).
 */
@ApplicationScoped
public class IncidentComments {

    /** History value of an added public comment / work note. */
    public static final String COMMENT_PUBLIC = "PUBLIC";
    public static final String COMMENT_WORK_NOTE = "WORK_NOTE";

    private final IncidentCommentRepository comments;
    private final RecordHistory history;
    private final IncidentEventPublisher events;
    private final Clock clock;

    public IncidentComments(IncidentCommentRepository comments, RecordHistory history, IncidentEventPublisher events,
            Clock clock) {
        this.comments = comments;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a public comment or a work note; the history records that one was added and its visibility. */
    public Uni<IncidentComment> add(Incident incident, String author, String body, boolean internal) {
        IncidentComment comment = new IncidentComment();
        comment.id = UUID.randomUUID();
        comment.incidentId = incident.id;
        comment.author = author;
        comment.body = body;
        comment.internal = internal;
        comment.createdAt = clock.instant();
        List<String> mentioned = Mentions.in(body);
        return comments.persist(comment).flatMap(saved -> history.record(incident.id, author,
                List.of(FieldChange.of("comment", null, internal ? COMMENT_WORK_NOTE : COMMENT_PUBLIC)))
                .flatMap(ignored -> mentioned.isEmpty() ? Uni.createFrom().voidItem()
                        : events.publishMentions(incident, author, internal, mentioned))
                .replaceWith(saved));
    }

    /** The public comments or the work notes of an incident, oldest first. */
    public Uni<List<IncidentComment>> of(UUID incidentId, boolean internal) {
        return comments.listFor(incidentId, internal);
    }

    /** The history entry that records a work note being added (internal: staff only). */
    public static boolean isWorkNoteEntry(HistoryEntry entry) {
        return "comment".equals(entry.field()) && COMMENT_WORK_NOTE.equals(entry.to());
    }
}
