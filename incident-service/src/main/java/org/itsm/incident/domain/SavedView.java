package org.itsm.incident.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A saved queue view as stored: its owner (token subject), name, list filters and the group it is shared with. */
@Entity
@Table(name = "saved_view")
public class SavedView {

    @Id
    public UUID id;
    @Version
    public long version;
    /** The token subject of the owner. */
    @Column(updatable = false)
    public String owner;
    /** The owner's user name, shown to the members of the group the view is shared with. */
    @Column(name = "owner_name")
    public String ownerName;
    public String name;
    /** The list filters ({@code GET /api/v1/incidents} parameters), checked by {@link SavedViewRules}. */
    @Convert(converter = JsonColumns.Filters.class)
    public Map<String, String> filters;
    /** One of the owner's assignment groups, or null (private). */
    @Column(name = "shared_with")
    public String sharedWith;
    @Column(name = "created_at", updatable = false)
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
