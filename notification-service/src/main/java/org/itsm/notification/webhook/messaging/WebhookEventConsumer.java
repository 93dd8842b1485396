package org.itsm.notification.webhook.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.itsm.notification.webhook.service.WebhookFanOut;
import org.itsm.support.inbox.EventInbox;
import org.itsm.support.inbox.IncomingEvent;
import org.itsm.support.inbox.UnprocessableEventException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Every event of the four practice topics, in the consumer group {@code notification-webhooks} (apart from the mail
 * consumers, so neither holds up the other), becomes the deliveries its subscribers want: once per event (the inbox)
 * and per subscription (the table). The body is the CloudEvent in structured JSON mode, rebuilt from the binary-mode
 * message: its attributes and its JSON data.
 */
@ApplicationScoped
public class WebhookEventConsumer {

    /** The inbox keys, one per topic; never rename them. */
    static final String INCIDENT = "notification-webhooks.incident";
    static final String PROBLEM = "notification-webhooks.problem";
    static final String CHANGE = "notification-webhooks.change";
    static final String CATALOG = "notification-webhooks.catalog";

    private final EventInbox inbox;
    private final WebhookFanOut fanOut;
    private final ObjectMapper objectMapper;

    public WebhookEventConsumer(EventInbox inbox, WebhookFanOut fanOut, ObjectMapper objectMapper) {
        this.inbox = inbox;
        this.fanOut = fanOut;
        this.objectMapper = objectMapper;
    }

    @Incoming("webhook-incident-events")
    public Uni<Void> incident(Message<String> message) {
        return consume(INCIDENT, message);
    }

    @Incoming("webhook-problem-events")
    public Uni<Void> problem(Message<String> message) {
        return consume(PROBLEM, message);
    }

    @Incoming("webhook-change-events")
    public Uni<Void> change(Message<String> message) {
        return consume(CHANGE, message);
    }

    @Incoming("webhook-catalog-events")
    public Uni<Void> catalog(Message<String> message) {
        return consume(CATALOG, message);
    }

    private Uni<Void> consume(String consumer, Message<String> message) {
        return inbox.processOnce(consumer, message, event -> fanOut.onEvent(new WebhookFanOut.PlatformEvent(
                event.id(), event.type(), event.subject(), occurredAt(message), structured(event, message)))
                .replaceWithVoid());
    }

    @SuppressWarnings("unchecked")
    private static Instant occurredAt(Message<String> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class)
                .flatMap(metadata -> ((IncomingCloudEventMetadata<Object>) metadata).getTimeStamp())
                .map(time -> time.toInstant()).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private String structured(IncomingEvent event, Message<String> message) {
        IncomingCloudEventMetadata<Object> metadata = message.getMetadata(IncomingCloudEventMetadata.class)
                .orElseThrow(() -> new UnprocessableEventException("Not a CloudEvent (no ce_* headers)"));
        JsonNode data;
        try {
            data = event.data() == null ? null : objectMapper.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("Event " + event.id() + " has data that is not JSON: "
                    + e.getOriginalMessage());
        }
        ObjectNode json = objectMapper.createObjectNode();
        json.put("specversion", metadata.getSpecVersion());
        json.put("id", metadata.getId());
        json.put("source", metadata.getSource() == null ? null : metadata.getSource().toString());
        json.put("type", metadata.getType());
        metadata.getSubject().ifPresent(subject -> json.put("subject", subject));
        metadata.getTimeStamp().ifPresent(time -> json.put("time",
                time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        metadata.getDataSchema().ifPresent(schema -> json.put("dataschema", schema.toString()));
        json.put("datacontenttype", "application/json");
        json.set("data", data);
        try {
            return objectMapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("CloudEvent not serialisable", e);
        }
    }
}
