package org.itsm.events.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorityTest {

    @Test
    void impactAndUrgencyGiveTheItilMatrix() {
        assertEquals(Priority.P1, Priority.of(1, 1));
        assertEquals(Priority.P3, Priority.of(1, 3));
        assertEquals(Priority.P3, Priority.of(2, 2));
        assertEquals(Priority.P3, Priority.of(3, 1));
        assertEquals(Priority.P4, Priority.of(2, 3));
        assertEquals(Priority.P5, Priority.of(3, 3));
    }

    @Test
    void valuesOutsideOneToThreeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Priority.of(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Priority.of(1, 4));
    }
}
