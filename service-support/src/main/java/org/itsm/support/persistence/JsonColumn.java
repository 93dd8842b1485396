package org.itsm.support.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A column holding a small value (a list of ids, SLA targets, business hours) as JSON text, read and written whole
 * and never queried inside. One format for every service: a subclass names the type, e.g.
 * {@code @Converter public static class Targets extends JsonColumn<List<SlaTarget>> { public Targets() { super(new TypeReference<>() { }); } }}.
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TypeReference<T> type;

    protected JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store " + value.getClass().getName() + " as JSON", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }

    /** A list of ids as a JSON array; an absent list is stored and read as empty. */
    @Converter
    public static class UuidList extends JsonColumn<List<UUID>> {

        public UuidList() {
            super(new TypeReference<>() { });
        }

        @Override
        public String convertToDatabaseColumn(List<UUID> ids) {
            return super.convertToDatabaseColumn(ids == null ? List.of() : ids);
        }

        @Override
        public List<UUID> convertToEntityAttribute(String json) {
            List<UUID> ids = super.convertToEntityAttribute(json);
            return ids == null ? List.of() : ids;
        }
    }
}
