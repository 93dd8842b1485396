package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest(name = "impact {0} × urgency {1} = {2}")
    @CsvSource({ "1,1,P1", "1,2,P2", "1,3,P3", "2,1,P2", "2,2,P3", "2,3,P4", "3,1,P3", "3,2,P4", "3,3,P5" })
    void standardMatrix(int impact, int urgency, Priority expected) {
        assertEquals(expected, Priority.of(impact, urgency));
    }

    @ParameterizedTest
    @CsvSource({ "0,1", "4,1", "1,0", "1,4" })
    void outOfRangeIsRefused(int impact, int urgency) {
        assertThrows(IllegalArgumentException.class, () -> Priority.of(impact, urgency));
    }
}
