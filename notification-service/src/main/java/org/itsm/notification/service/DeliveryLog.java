package org.itsm.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.Delivery;
import org.itsm.notification.repository.DeliveryRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What was sent about a record, to whom, and how it went. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;

    public DeliveryLog(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    @WithSession
    public Uni<List<Delivery>> ofRecord(String recordNumber) {
        return deliveries.ofRecord(recordNumber);
    }
}
