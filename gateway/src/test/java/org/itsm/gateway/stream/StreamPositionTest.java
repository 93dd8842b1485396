package org.itsm.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPositionTest {

    private static final TopicPartition CHANGE_0 = new TopicPartition("itsm.change.events", 0);
    private static final TopicPartition INCIDENT_2 = new TopicPartition("itsm.incident.events", 2);

    @Test
    void encodesPartitionsInAStableOrderAndReadsThemBack() {
        StreamPosition position = new StreamPosition(Map.of(INCIDENT_2, 7L, CHANGE_0, 41L));
        assertEquals("itsm.change.events-0:41,itsm.incident.events-2:7", position.encode());
        assertEquals(Optional.of(position), StreamPosition.parse(position.encode()));
    }

    @Test
    void keepsTopicNamesThatContainDashes() {
        TopicPartition partition = new TopicPartition("itsm.known-errors.events", 11);
        StreamPosition position = StreamPosition.parse("itsm.known-errors.events-11:-1").orElseThrow();
        assertEquals(Optional.of(-1L), position.lastOffset(partition));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "42", "abc", "topic:1", "topic-x:1", "topic-1:y", "-1:5", "topic-1:5,", ",topic-1:5" })
    void refusesTextThatIsNoPosition(String text) {
        assertTrue(StreamPosition.parse(text).isEmpty(), text);
    }

    @Test
    void anEventFollowsAPositionWhenItsOffsetIsLaterOrItsPartitionUnknown() {
        StreamPosition position = new StreamPosition(Map.of(CHANGE_0, 41L));
        assertFalse(position.precedes(CHANGE_0, 40));
        assertFalse(position.precedes(CHANGE_0, 41));
        assertTrue(position.precedes(CHANGE_0, 42));
        assertTrue(position.precedes(INCIDENT_2, 0));
    }

    @Test
    void maxTakesTheLaterOffsetOfEachPartition() {
        StreamPosition a = new StreamPosition(Map.of(CHANGE_0, 41L, INCIDENT_2, 3L));
        StreamPosition b = new StreamPosition(Map.of(CHANGE_0, 12L, INCIDENT_2, 9L, new TopicPartition("t", 0), 1L));
        assertEquals(new StreamPosition(Map.of(CHANGE_0, 41L, INCIDENT_2, 9L, new TopicPartition("t", 0), 1L)), a.max(b));
    }
}
