package org.itsm.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.PlannedNotification;
import org.itsm.notification.repository.DeliveryRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Records the mails an event calls for, once per (event, recipient, kind), with the facts their templates show. An
 * audience's row also keeps, as the fact {@code excluded}, the people its expansion skips.
 */
@ApplicationScoped
public class DeliveryPlanner {

    /** The fact naming, comma-separated, whom an audience's expansion skips. */
    public static final String EXCLUDED = "excluded";

    private final DeliveryRepository deliveries;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public DeliveryPlanner(DeliveryRepository deliveries, ObjectMapper objectMapper, Clock clock) {
        this.deliveries = deliveries;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public Uni<Void> plan(UUID eventId, String type, UUID recordId, String number, List<PlannedNotification> planned,
            Map<String, String> facts) {
        Instant now = clock.instant();
        return Multi.createFrom().iterable(planned)
                .onItem().transformToUniAndConcatenate(notification -> deliveries.planOnce(eventId, type, recordId,
                        number, notification.recipient(), notification.kind(), json(factsOf(notification, facts)),
                        now))
                .collect().asList()
                .replaceWithVoid();
    }

    private static Map<String, String> factsOf(PlannedNotification notification, Map<String, String> facts) {
        if (notification.excluded().isEmpty()) {
            return facts;
        }
        Map<String, String> withExcluded = new LinkedHashMap<>(facts);
        withExcluded.put(EXCLUDED, String.join(",", notification.excluded()));
        return withExcluded;
    }

    String json(Map<String, String> facts) {
        try {
            return objectMapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts not serialisable", e);
        }
    }
}
