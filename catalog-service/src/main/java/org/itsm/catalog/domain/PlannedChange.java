package org.itsm.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An approved change planned on a service (or one of its offerings), shown until it is implemented or dropped. */
@Entity
@Table(name = "planned_change")
public class PlannedChange {

    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "offering_id")
    public UUID offeringId;
    @Column(name = "change_id")
    public UUID changeId;
    @Column(name = "change_number")
    public String changeNumber;
    @Column(name = "planned_start")
    public Instant plannedStart;
    @Column(name = "planned_end")
    public Instant plannedEnd;
    public String summary;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
