package org.itsm.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class RecentEventsTest {

    private static final TopicPartition A = new TopicPartition("itsm.incident.events", 0);
    private static final TopicPartition B = new TopicPartition("itsm.change.events", 1);

    @Test
    void givesEachEventThePositionAfterItAsId() {
        RecentEvents log = new RecentEvents(10);
        log.reading(A, 5);
        log.reading(B, 0);
        PlatformEvent first = append(log, A, 5);
        PlatformEvent second = append(log, B, 0);
        assertEquals("itsm.change.events-1:-1,itsm.incident.events-0:5", first.streamId());
        assertEquals("itsm.change.events-1:0,itsm.incident.events-0:5", second.streamId());
    }

    @Test
    void replaysTheEventsAfterAPositionAndThenDeliversLiveOnes() {
        RecentEvents log = new RecentEvents(10);
        log.reading(A, 0);
        log.reading(B, 0);
        append(log, A, 0);
        PlatformEvent b0 = append(log, B, 0);
        PlatformEvent a1 = append(log, A, 1);

        List<PlatformEvent> live = new ArrayList<>();
        RecentEvents.Subscription subscription = log.subscribe(StreamPosition.parse(b0.streamId()), live::add);
        assertEquals(List.of(a1), subscription.replay());
        assertFalse(subscription.missedEvents());
        assertEquals(a1.streamId(), subscription.head().encode());

        PlatformEvent b1 = append(log, B, 1);
        assertEquals(List.of(b1), live);
        subscription.cancel().run();
        append(log, B, 2);
        assertEquals(List.of(b1), live);
        assertEquals(0, log.subscriberCount());
    }

    @Test
    void aNewSubscriberGetsOnlyLiveEvents() {
        RecentEvents log = new RecentEvents(10);
        log.reading(A, 0);
        append(log, A, 0);
        List<PlatformEvent> live = new ArrayList<>();
        RecentEvents.Subscription subscription = log.subscribe(Optional.empty(), live::add);
        assertTrue(subscription.replay().isEmpty());
        assertFalse(subscription.missedEvents());
        assertEquals("itsm.incident.events-0:0", subscription.head().encode());
        PlatformEvent a1 = append(log, A, 1);
        assertEquals(List.of(a1), live);
    }

    @Test
    void tellsAResumingSubscriberWhenEventsItMissedWereEvicted() {
        RecentEvents log = new RecentEvents(2);
        log.reading(A, 0);
        PlatformEvent a0 = append(log, A, 0);
        append(log, A, 1);
        RecentEvents.Subscription beforeEviction = log.subscribe(StreamPosition.parse(a0.streamId()), event -> {
        });
        assertFalse(beforeEviction.missedEvents());

        append(log, A, 2);
        RecentEvents.Subscription offsetZeroEvicted = log.subscribe(StreamPosition.parse(a0.streamId()), event -> {
        });
        assertFalse(offsetZeroEvicted.missedEvents(), "the subscriber had offset 0 already");

        append(log, A, 3);
        RecentEvents.Subscription offsetOneEvicted = log.subscribe(StreamPosition.parse(a0.streamId()), event -> {
        });
        assertTrue(offsetOneEvicted.missedEvents(), "offset 1 is gone");
        assertEquals(List.of(2L, 3L), offsetOneEvicted.replay().stream().map(PlatformEvent::offset).toList());
    }

    @Test
    void tellsAResumingSubscriberWhenItsPositionPredatesWhatThisGatewayRead() {
        RecentEvents log = new RecentEvents(10);
        log.reading(A, 100);
        append(log, A, 100);
        assertTrue(log.subscribe(Optional.of(new StreamPosition(Map.of(A, 50L))), event -> {
        }).missedEvents());
        assertFalse(log.subscribe(Optional.of(new StreamPosition(Map.of(A, 99L))), event -> {
        }).missedEvents());
        // A partition this gateway does not read cannot be vouched for.
        assertTrue(log.subscribe(Optional.of(new StreamPosition(Map.of(B, 3L))), event -> {
        }).missedEvents());
    }

    @Test
    void skipsLiveEventsASubscriberFromAnotherReplicaAlreadyHas() {
        RecentEvents log = new RecentEvents(10);
        log.reading(A, 0);
        append(log, A, 0);
        List<PlatformEvent> live = new ArrayList<>();
        // The other replica had read up to offset 2 already.
        log.subscribe(Optional.of(new StreamPosition(Map.of(A, 2L))), live::add);
        append(log, A, 1);
        append(log, A, 2);
        PlatformEvent a3 = append(log, A, 3);
        assertEquals(List.of(a3), live);
    }

    @Test
    void goesOnFromWhereItWasWhenAPartitionIsAssignedAgain() {
        RecentEvents log = new RecentEvents(10);
        assertEquals(Optional.empty(), log.nextOffset(A));
        log.reading(A, 10);
        assertEquals(Optional.of(10L), log.nextOffset(A));
        append(log, A, 10);
        log.reading(A, 0);
        assertEquals(Optional.of(11L), log.nextOffset(A));
    }

    private static PlatformEvent append(RecentEvents log, TopicPartition partition, long offset) {
        return log.append(partition, offset, partition + "@" + offset, "itsm.test.v1", "/test", null, null,
                new JsonObject());
    }
}
