package org.itsm.problem.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorityTest {

    @Test
    void impactTimesUrgencyGivesTheItilMatrix() {
        assertEquals(Priority.P1, Priority.of(1, 1));
        assertEquals(Priority.P3, Priority.of(2, 2));
        assertEquals(Priority.P3, Priority.of(1, 3));
        assertEquals(Priority.P5, Priority.of(3, 3));
    }

    @Test
    void outOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Priority.of(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Priority.of(2, 4));
    }
}
