package org.itsm.support.persistence;

import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One field of a record that moved from {@code from} to {@code to}. Plain values (text, numbers, enums, ids,
 * instants) are kept as their text; structured ones (records, lists, maps) as JSON, so a history reader sees
 * {@code {"priority":"P1",...}} and never a Java {@code toString()}.
 */
public record FieldChange(String field, String from, String to) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, text(from), text(to));
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof UUID || value instanceof TemporalAccessor) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("History value of type " + value.getClass().getName()
                    + " cannot be written as JSON", e);
        }
    }

    public boolean changed() {
        return !Objects.equals(from, to);
    }
}
