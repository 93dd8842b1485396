package org.itsm.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class EventPropagationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void thePlannedChangeIsFoundByItsChangeId() throws Exception {
        var service = json.readTree("""
                {"id": "s1", "plannedChanges": [
                  {"changeId": "a", "changeNumber": "CHG0001001"}, {"changeId": "b", "changeNumber": "CHG0001002"}]}""");
        assertTrue(EventPropagation.showsPlannedChange(service, "b"));
        assertFalse(EventPropagation.showsPlannedChange(service, "c"));
    }

    @Test
    void aServiceWithoutPlannedChangesShowsNone() throws Exception {
        assertFalse(EventPropagation.showsPlannedChange(json.readTree("{\"id\": \"s1\"}"), "a"));
    }

    @Test
    void theProducerIsConfiguredLikeTheOutboxProducers() {
        var config = KafkaLatency.producerConfig("127.0.0.1:9092");
        assertTrue("all".equals(config.get("acks")) && "true".equals(config.get("enable.idempotence"))
                && "1".equals(config.get("linger.ms")), config.toString());
    }
}
