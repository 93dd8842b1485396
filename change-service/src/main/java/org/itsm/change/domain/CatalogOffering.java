package org.itsm.change.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model of a catalog offering: its maintenance and blackout windows (JSON of the contract's TimeWindow lists). */
@Entity
@Table(name = "catalog_offering")
public class CatalogOffering {

    @Id
    public UUID id;
    @Column(name = "service_id")
    public UUID serviceId;
    public String name;
    public String status;
    @Column(name = "maintenance_windows")
    public String maintenanceWindows;
    @Column(name = "blackout_windows")
    public String blackoutWindows;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
