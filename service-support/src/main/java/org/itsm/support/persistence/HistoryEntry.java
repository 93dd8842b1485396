package org.itsm.support.persistence;

import java.time.Instant;

/** An audit entry: who changed which field of a record, when, from what to what. */
public record HistoryEntry(Instant at, String actor, String field, String from, String to) {
}
