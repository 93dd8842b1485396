package org.itsm.change.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class WindowRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Window TONIGHT = new Window(Instant.parse("2026-12-05T22:00:00Z"),
            Instant.parse("2026-12-05T23:00:00Z"));
    private static final Window YESTERDAY = new Window(Instant.parse("2026-12-04T22:00:00Z"),
            Instant.parse("2026-12-04T23:00:00Z"));

    @Test
    void aWindowInThePastCannotBePlannedOrScheduled() {
        assertTrue(WindowRules.planRefusal(YESTERDAY, NOW).isPresent());
        assertTrue(WindowRules.planRefusal(TONIGHT, NOW).isEmpty());
        // "now" as planned by an emergency change a moment ago
        assertTrue(WindowRules.planRefusal(new Window(NOW.minusSeconds(30), NOW.plusSeconds(3600)), NOW).isEmpty());
        assertTrue(WindowRules.scheduleRefusal(YESTERDAY, NOW).isPresent());
        assertTrue(WindowRules.scheduleRefusal(TONIGHT, NOW).isEmpty());
    }

    @Test
    void implementationStartsInsideTheWindowUnlessAReasonIsGiven() {
        assertTrue(WindowRules.implementationRefusal(TONIGHT, NOW, null).isPresent());
        assertTrue(WindowRules.implementationRefusal(TONIGHT, NOW, " ").isPresent());
        assertTrue(WindowRules.implementationRefusal(TONIGHT, NOW, "vendor on site today only").isEmpty());
        assertTrue(WindowRules.implementationRefusal(TONIGHT, TONIGHT.start(), null).isEmpty());
        assertTrue(WindowRules.implementationRefusal(TONIGHT, TONIGHT.end(), null).isPresent());
    }
}
