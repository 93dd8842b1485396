package org.itsm.support.inbox;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A received CloudEvent: its id, type, subject and JSON data, read into a contract payload on demand. */
public record IncomingEvent(UUID id, String type, String subject, String data, ObjectMapper objectMapper) {

    public <T> T payload(Class<T> payloadType) {
        try {
            return objectMapper.readValue(data, payloadType);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("Event " + id + " of type " + type + " has unreadable data: "
                    + e.getOriginalMessage());
        }
    }
}
