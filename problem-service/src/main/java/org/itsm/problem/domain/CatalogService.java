package org.itsm.problem.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read model of a catalog service, to validate the affected service and default the assignment group. */
@Entity
@Table(name = "catalog_service")
public class CatalogService {

    @Id
    public UUID id;
    public String number;
    public String name;
    public String lifecycle;
    @Column(name = "support_group")
    public String supportGroup;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
