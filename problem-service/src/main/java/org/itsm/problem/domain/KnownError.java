package org.itsm.problem.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The published known error of a problem: symptom, root cause and the workaround the desk applies. */
@Entity
@Table(name = "known_error")
public class KnownError {

    @Id
    public UUID id;
    @Column(name = "problem_id")
    public UUID problemId;
    public String symptom;
    @Column(name = "root_cause")
    public String rootCause;
    public String workaround;
    @Column(name = "service_id")
    public UUID serviceId;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
