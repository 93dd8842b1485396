package org.itsm.change.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pre-approved standard change: its plans are copied into every change raised from it. */
@Entity
@Table(name = "change_template")
public class ChangeTemplate {

    @Id
    public UUID id;
    public String name;
    public String description;
    @Column(name = "implementation_plan")
    public String implementationPlan;
    @Column(name = "backout_plan")
    public String backoutPlan;
    @Column(name = "test_plan")
    public String testPlan;
    public boolean active;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
