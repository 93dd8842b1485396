package org.itsm.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The service's read model of an incident, fed by incident events: who to tell about an SLA event. */
@Entity
@Table(name = "incident_view")
public class IncidentView extends PanacheEntityBase {

    @Id
    public UUID id;
    public String number;
    @Column(name = "short_description")
    public String shortDescription;
    public String caller;
    public String assignee;
    @Column(name = "assignment_group")
    public String assignmentGroup;
    public String state;
    public String priority;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
