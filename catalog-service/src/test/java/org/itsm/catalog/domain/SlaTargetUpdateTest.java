package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.itsm.events.catalog.SlaTarget;
import org.junit.jupiter.api.Test;

class SlaTargetUpdateTest {

    @Test
    void givenTargetsReplaceThoseOfTheirPriorityAndTheOthersStayInPriorityOrder() {
        List<SlaTarget> current = List.of(new SlaTarget("P2", 30, 480), new SlaTarget("P1", 15, 240));
        assertEquals(List.of(new SlaTarget("P1", 10, 120), new SlaTarget("P2", 30, 480), new SlaTarget("P3", 60, 960)),
                SlaTargetUpdate.merged(current, List.of(new SlaTarget("P3", 60, 960), new SlaTarget("P1", 10, 120))));
        assertEquals(List.of(new SlaTarget("P1", 15, 240), new SlaTarget("P2", 30, 480)),
                SlaTargetUpdate.merged(current, null));
        assertEquals(List.of(new SlaTarget("P4", 5, 5)), SlaTargetUpdate.merged(null, List.of(new SlaTarget("P4", 5, 5))));
    }
}
