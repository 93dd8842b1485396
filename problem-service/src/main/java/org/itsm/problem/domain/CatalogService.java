package org.itsm.problem.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.itsm.events.catalog.Lifecycle;

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

    /** A problem may name a service of the catalog that is not retired (in the pipeline or live). */
    public static boolean admits(CatalogService service) {
        return service != null && !Lifecycle.RETIRED.name().equals(service.lifecycle);
    }
}
