package org.itsm.support.persistence;

import java.util.Objects;

/** One field of a record that moved from {@code from} to {@code to}. */
public record FieldChange(String field, String from, String to) {

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    public boolean changed() {
        return !Objects.equals(from, to);
    }
}
