package org.itsm.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A change's catalog update that no longer fitted the service when the change was implemented. */
@Entity
@Table(name = "rejected_change_update")
public class RejectedChangeUpdate {

    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "change_id")
    public UUID changeId;
    @Column(name = "change_number")
    public String changeNumber;
    public String reason;
    @Column(name = "rejected_at")
    public Instant rejectedAt;
}
