package org.itsm.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A service request (REQ): an ordered item with the requester's field values, approval and fulfilment. */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

    @Id
    public UUID id;
    public String number;
    @Version
    public long version;
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "item_name")
    public String itemName;
    public String requester;
    /** The form values as validated against the item's schema (JSON). */
    @Column(name = "field_values")
    public String fieldValues;
    @Enumerated(EnumType.STRING)
    public RequestState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_rule")
    public ApprovalRule approvalRule;
    /** The user who must approve (the requester's manager), when the rule names one. */
    public String approver;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_comment")
    public String decisionComment;
    @Column(name = "fulfilment_group")
    public String fulfilmentGroup;
    @Column(name = "expected_delivery_hours")
    public int expectedDeliveryHours;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "fulfilled_at")
    public Instant fulfilledAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
