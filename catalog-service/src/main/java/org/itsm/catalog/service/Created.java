package org.itsm.catalog.service;

/** Result of a create: the record and whether this call created it (201) or replays an earlier one (200). */
public record Created<T>(T record, boolean isNew) {
}
