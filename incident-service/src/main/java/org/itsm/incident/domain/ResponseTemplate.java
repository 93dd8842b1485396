package org.itsm.incident.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A response template of an assignment group, as stored; it never crosses the API. */
@Entity
@Table(name = "response_template")
public class ResponseTemplate {

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    @Column(name = "assignment_group")
    public String assignmentGroup;
    public String body;
    /** {@code ko}, {@code en} or null (any language). */
    public String language;
    @Column(name = "created_by", updatable = false)
    public String createdBy;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
