package org.itsm.change.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One vote of one approval round; a rejection ends the round and its votes stay as evidence. */
@Entity
@Table(name = "change_approval")
public class ChangeApproval {

    @Id
    public UUID id;
    @Column(name = "change_id")
    public UUID changeId;
    public int round;
    public String voter;
    @Enumerated(EnumType.STRING)
    public Capacity capacity;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String comment;
    @Column(name = "cast_at")
    public Instant castAt;
}
