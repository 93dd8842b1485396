package org.itsm.incident.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.itsm.events.api.Priority;
import org.itsm.events.catalog.BusinessHours;

/** The incident aggregate as stored; it never crosses the API (resources map it to API models). */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    public UUID id;
    /** Set once, from NumberSequence when the incident is created. */
    @Column(updatable = false)
    public String number;
    @Version
    public long version;
    @Column(name = "short_description")
    public String shortDescription;
    public String description;
    public String caller;
    public String category;
    public String subcategory;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "offering_id")
    public UUID offeringId;
    public int impact;
    public int urgency;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "assignment_group")
    public String assignmentGroup;
    public String assignee;
    @Enumerated(EnumType.STRING)
    public IncidentState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "hold_reason")
    public HoldReason holdReason;
    public boolean major;
    @Column(name = "parent_id")
    public UUID parentId;
    @Column(name = "problem_number")
    public String problemNumber;
    @Column(name = "caused_by_change")
    public String causedByChange;
    @Column(name = "possible_cause_change")
    public String possibleCauseChange;
    @Column(name = "correlation_key")
    public String correlationKey;
    @Column(name = "report_count")
    public int reportCount;
    @Column(name = "resolution_code")
    public String resolutionCode;
    @Column(name = "resolution_notes")
    public String resolutionNotes;
    public String workaround;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "responded_at")
    public Instant respondedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "response_target_minutes")
    public int responseTargetMinutes;
    @Column(name = "resolution_target_minutes")
    public int resolutionTargetMinutes;
    /** Business hours the SLA counts on, fixed when the incident is logged (null: 24×7); stored as JSON. */
    @Column(name = "sla_calendar")
    @Convert(converter = JsonColumns.Hours.class)
    public BusinessHours slaCalendar;
    @Column(name = "sla_target_source")
    public String slaTargetSource;
    /** Why those targets apply (SlaTermsReason). */
    @Column(name = "sla_terms_reason")
    public String slaTermsReason;
    /** The offering whose targets apply: the named one or the service's default offering; null for defaults. */
    @Column(name = "sla_offering_id")
    public UUID slaOfferingId;
    /** Working time the resolution clock spent paused, in finished pauses. */
    @Column(name = "sla_paused_seconds")
    public long slaPausedSeconds;
    /** Working time the response clock spent paused, in finished pauses while it ran (SlaClock.pauseCounted). */
    @Column(name = "response_paused_seconds")
    public long responsePausedSeconds;
    @Column(name = "sla_paused_since")
    public Instant slaPausedSince;
    /** When the SLA monitor next has to look at this incident (see SlaPolicy.scheduleNextCheck). */
    @Column(name = "sla_next_check_at")
    public Instant slaNextCheckAt;
    /** When the running resolution clock is due; "never" while it is paused or stopped (SlaPolicy.scheduleNextCheck). */
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    @Column(name = "response_sla_alert")
    public String responseSlaAlert;
    @Column(name = "resolution_sla_alert")
    public String resolutionSlaAlert;
}
