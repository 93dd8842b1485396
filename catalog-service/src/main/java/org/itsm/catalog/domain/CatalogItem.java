package org.itsm.catalog.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A requestable item: what the requester fills in (a JSON Schema), who approves, who fulfils, how fast. */
@Entity
@Table(name = "catalog_item")
public class CatalogItem {

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String category;
    public String description;
    /** JSON Schema of the request's fields. */
    @Column(name = "form_schema")
    public String formSchema;
    @Enumerated(EnumType.STRING)
    @Column(name = "approval_rule")
    public ApprovalRule approvalRule;
    @Column(name = "fulfilment_group")
    public String fulfilmentGroup;
    @Column(name = "expected_delivery_hours")
    public int expectedDeliveryHours;
    @Column(name = "offering_id")
    public UUID offeringId;
    public boolean published;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
