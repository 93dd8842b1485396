package org.itsm.incident.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;

/** Read model of a catalog offering: SLA targets and business hours (the event contract's types, stored as JSON). */
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
    @Convert(converter = JsonColumns.SlaTargets.class)
    public List<SlaTarget> slaTargets;
    @Column(name = "business_hours")
    @Convert(converter = JsonColumns.Hours.class)
    public BusinessHours businessHours;
    /** The service's default offering: its terms apply when an incident names the service but no offering. */
    @Column(name = "default_offering")
    public boolean defaultOffering;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
