package org.itsm.incident.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model of a catalog offering: SLA targets and business hours (JSON of the event contract types). */
@Entity
@Table(name = "catalog_offering")
public class CatalogOffering {

    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    public String name;
    public String status;
    @Column(name = "support_group")
    public String supportGroup;
    @Column(name = "sla_targets")
    public String slaTargets;
    @Column(name = "business_hours")
    public String businessHours;
    /** The service's default offering: its terms apply when an incident names the service but no offering. */
    @Column(name = "default_offering")
    public boolean defaultOffering;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
