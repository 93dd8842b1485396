package org.itsm.problem.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model of an incident, from incident events: what detection and the link list need to know. */
@Entity
@Table(name = "observed_incident")
public class ObservedIncident {

    @Id
    public String number;
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    public String category;
    public String state;
    @Column(name = "reported_at")
    public Instant reportedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isOpen() {
        return "NEW".equals(state) || "IN_PROGRESS".equals(state) || "ON_HOLD".equals(state);
    }
}
