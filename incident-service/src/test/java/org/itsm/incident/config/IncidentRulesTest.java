package org.itsm.incident.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class IncidentRulesTest {

    @Test
    void aReopenPeriodLongerThanTheAutoCloseDelayIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> IncidentRules.validate(Duration.ofDays(7), Duration.ofDays(3)));
        assertTrue(refused.getMessage().contains("itsm.incident.reopen-period"), refused.getMessage());
        assertTrue(refused.getMessage().contains("itsm.incident.auto-close-after"), refused.getMessage());
    }

    @Test
    void aReopenPeriodUpToTheAutoCloseDelayIsFine() {
        assertDoesNotThrow(() -> IncidentRules.validate(Duration.ofDays(3), Duration.ofDays(3)));
        assertDoesNotThrow(() -> IncidentRules.validate(Duration.ofDays(2), Duration.ofDays(5)));
    }

    @Test
    void periodsMustBePositive() {
        assertThrows(IllegalStateException.class, () -> IncidentRules.validate(Duration.ZERO, Duration.ofDays(3)));
        assertThrows(IllegalStateException.class, () -> IncidentRules.validate(Duration.ofDays(1), Duration.ZERO));
    }

    @Test
    void theShippedDefaultsKeepTheRule() throws Exception {
        java.util.Properties properties = new java.util.Properties();
        try (var in = IncidentRulesTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertDoesNotThrow(() -> IncidentRules.validate(
                Duration.parse(properties.getProperty("itsm.incident.reopen-period")),
                Duration.parse(properties.getProperty("itsm.incident.auto-close-after"))));
        var mapping = IncidentConfig.class;
        Duration reopenDefault = Duration.parse(mapping.getMethod("reopenPeriod")
                .getAnnotation(io.smallrye.config.WithDefault.class).value());
        Duration closeDefault = Duration.parse(mapping.getMethod("autoCloseAfter")
                .getAnnotation(io.smallrye.config.WithDefault.class).value());
        assertDoesNotThrow(() -> IncidentRules.validate(reopenDefault, closeDefault));
    }
}
