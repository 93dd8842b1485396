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

import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.persistence.JsonColumn;

/**
 * An IT service of the portfolio (Pipeline, Live, Retired) as stored, in table {@code catalog_service}; it never
 * crosses the API, where it is a "service" ({@code /catalog/services}).
 */
@Entity
@Table(name = "catalog_service")
public class ItService {

    @Id
    public UUID id;
    public String number;
    @Version
    public long version;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public ServiceType type;
    public String owner;
    @Column(name = "support_group")
    public String supportGroup;
    @Enumerated(EnumType.STRING)
    public Lifecycle lifecycle;
    @Enumerated(EnumType.STRING)
    public Criticality criticality;
    /** The service's release, e.g. 2.0: moved by changes carrying a catalog update. */
    @Column(name = "service_version")
    public String serviceVersion;
    @Column(name = "depends_on")
    @Convert(converter = JsonColumn.UuidList.class)
    public List<UUID> dependsOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
