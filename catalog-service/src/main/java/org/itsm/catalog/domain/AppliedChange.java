package org.itsm.catalog.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A change whose catalog update was applied to a service. */
@Entity
@Table(name = "applied_change")
@IdClass(AppliedChange.Key.class)
public class AppliedChange {

    @Id
    @Column(name = "service_id")
    public UUID serviceId;
    @Id
    @Column(name = "change_id")
    public UUID changeId;
    @Column(name = "change_number")
    public String changeNumber;
    @Column(name = "applied_at")
    public Instant appliedAt;

    /** Identifier: one row per service and change. */
    public static class Key implements Serializable {
        public UUID serviceId;
        public UUID changeId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(serviceId, key.serviceId)
                    && Objects.equals(changeId, key.changeId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceId, changeId);
        }
    }
}
