package org.itsm.catalog.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.catalog.TimeWindow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Columns holding small value lists as JSON text (read and written whole, never queried inside). */
public final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }

    @Converter
    public static class UuidList implements AttributeConverter<List<UUID>, String> {
        @Override
        public String convertToDatabaseColumn(List<UUID> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<UUID> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() { });
        }
    }

    @Converter
    public static class SlaTargets implements AttributeConverter<List<SlaTarget>, String> {
        @Override
        public String convertToDatabaseColumn(List<SlaTarget> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<SlaTarget> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() { });
        }
    }

    @Converter
    public static class TimeWindows implements AttributeConverter<List<TimeWindow>, String> {
        @Override
        public String convertToDatabaseColumn(List<TimeWindow> value) {
            return write(value == null ? List.of() : value);
        }

        @Override
        public List<TimeWindow> convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() { });
        }
    }

    @Converter
    public static class Calendar implements AttributeConverter<BusinessHours, String> {
        @Override
        public String convertToDatabaseColumn(BusinessHours value) {
            return write(value);
        }

        @Override
        public BusinessHours convertToEntityAttribute(String json) {
            return read(json, new TypeReference<>() { });
        }
    }
}
