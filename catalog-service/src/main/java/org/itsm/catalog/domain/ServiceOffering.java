package org.itsm.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;

/** An offering of a service: its agreed service levels, calendar and windows. */
@Entity
@Table(name = "service_offering")
public class ServiceOffering {

    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    @Version
    public long version;
    public String name;
    @Enumerated(EnumType.STRING)
    public OfferingStatus status;
    @Column(name = "support_group")
    public String supportGroup;
    @Column(name = "sla_targets")
    @Convert(converter = JsonColumns.SlaTargets.class)
    public List<SlaTarget> slaTargets;
    /** Null means around the clock. */
    @Column(name = "business_hours")
    @Convert(converter = JsonColumns.Calendar.class)
    public BusinessHours businessHours;
    @Column(name = "maintenance_windows")
    @Convert(converter = JsonColumns.TimeWindows.class)
    public List<TimeWindow> maintenanceWindows;
    @Column(name = "blackout_windows")
    @Convert(converter = JsonColumns.TimeWindows.class)
    public List<TimeWindow> blackoutWindows;
    /** The service's default offering: its SLA terms apply when a record names the service but no offering. */
    @Column(name = "default_offering")
    public boolean defaultOffering;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
