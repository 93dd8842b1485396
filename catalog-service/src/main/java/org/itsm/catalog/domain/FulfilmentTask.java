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

/** A piece of work that fulfils a request, for the item's fulfilment group. */
@Entity
@Table(name = "fulfilment_task")
public class FulfilmentTask {

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Version
    public long version;
    public String title;
    @Column(name = "assignment_group")
    public String assignmentGroup;
    public String assignee;
    @Enumerated(EnumType.STRING)
    public TaskState state;
    public String notes;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
}
