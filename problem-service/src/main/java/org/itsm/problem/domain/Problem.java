package org.itsm.problem.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.itsm.events.api.Priority;

/** The problem aggregate as stored; it never crosses the API (resources map it to API models). */
@Entity
@Table(name = "problem")
public class Problem {

    @Id
    public UUID id;
    public String number;
    @Version
    public long version;
    public String statement;
    public String description;
    @Column(name = "service_id")
    public UUID serviceId;
    public String category;
    public int impact;
    public int urgency;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "assignment_group")
    public String assignmentGroup;
    public String assignee;
    @Enumerated(EnumType.STRING)
    public ProblemState state;
    @Enumerated(EnumType.STRING)
    public ProblemSource source;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "root_cause_identified_at")
    public Instant rootCauseIdentifiedAt;
    public String workaround;
    @Column(name = "fix_description")
    public String fixDescription;
    @Column(name = "fix_change_number")
    public String fixChangeNumber;
    /** What became of the fix change: IMPLEMENTED or FAILED, null while pending. */
    @Column(name = "fix_change_outcome")
    public String fixChangeOutcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "resolution_code")
    public ResolutionCode resolutionCode;
    @Column(name = "resolution_notes")
    public String resolutionNotes;
    /** Number of the problem this one duplicates (resolution DUPLICATE). */
    @Column(name = "duplicate_of")
    public String duplicateOf;
    /** When the problem's known error was (last) published; null while there is none. */
    @Column(name = "known_error_published_at")
    public Instant knownErrorPublishedAt;
    @Column(name = "incident_count")
    public int incidentCount;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
}
