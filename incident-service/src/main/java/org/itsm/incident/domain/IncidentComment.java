package org.itsm.incident.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A public comment (seen by the caller) or an internal work note (agents only). */
@Entity
@Table(name = "incident_comment")
public class IncidentComment {

    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public String author;
    public String body;
    public boolean internal;
    @Column(name = "created_at")
    public Instant createdAt;
}
