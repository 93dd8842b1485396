package org.itsm.change.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.itsm.support.persistence.JsonColumn;

/** Read model of a catalog service: valid affected services and the service map for related-change conflicts. */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    @Id
    public UUID id;
    public String number;
    public String name;
    public String lifecycle;
    @Convert(converter = JsonColumn.UuidList.class)
    @Column(name = "depends_on")
    public List<UUID> dependsOn = List.of();
    @Column(name = "updated_at")
    public Instant updatedAt;
}
