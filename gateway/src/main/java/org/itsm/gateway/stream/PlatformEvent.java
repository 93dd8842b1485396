package org.itsm.gateway.stream;

import org.apache.kafka.common.TopicPartition;

import io.vertx.core.json.JsonObject;

/**
 * A CloudEvent read from one of the platform's topics, with where it was read and the stream position right after it
 * (its SSE {@code id}).
 *
 * @param data the event's JSON data, the payload record of its type in {@code org.itsm.events}
 */
public record PlatformEvent(TopicPartition partition, long offset, String streamId, String id, String type,
        String source, String subject, String time, JsonObject data) {

    public String topic() {
        return partition.topic();
    }

    /** A string field of the payload, or null. */
    public String dataField(String name) {
        Object value = data.getValue(name);
        return value instanceof String text ? text : null;
    }

    /** The event in CloudEvents JSON format, as the SSE {@code data} line. */
    public String toJson() {
        JsonObject json = new JsonObject()
                .put("specversion", "1.0")
                .put("id", id)
                .put("type", type)
                .put("source", source);
        if (subject != null) {
            json.put("subject", subject);
        }
        if (time != null) {
            json.put("time", time);
        }
        return json.put("datacontenttype", "application/json").put("data", data).encode();
    }
}
