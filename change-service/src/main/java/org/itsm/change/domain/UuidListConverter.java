package org.itsm.change.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a list of ids as comma-separated text (the calendar filters them in memory; failures match by text). */
@Converter
public class UuidListConverter implements AttributeConverter<List<UUID>, String> {

    @Override
    public String convertToDatabaseColumn(List<UUID> ids) {
        return ids == null || ids.isEmpty() ? "" : String.join(",", ids.stream().map(UUID::toString).toList());
    }

    @Override
    public List<UUID> convertToEntityAttribute(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(UUID::fromString).toList();
    }
}
