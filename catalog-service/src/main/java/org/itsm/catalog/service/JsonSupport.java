package org.itsm.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads JSON the service stored itself (forms, field values). */
public final class JsonSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSupport() {
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
