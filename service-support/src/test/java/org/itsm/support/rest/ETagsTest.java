package org.itsm.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void theEntityTagOfAVersionIsItsStrongQuotedNumber() {
        assertEquals("\"7\"", ETags.of(7));
        assertEquals("7", ETags.entityTag(7).getValue());
        assertEquals(false, ETags.entityTag(7).isWeak());
    }

    @Test
    void aStaleIfMatchIsRefusedAndACurrentOneOrNonePasses() {
        ETags.requireCurrent(null, 3);
        ETags.requireCurrent("*", 3);
        ETags.requireCurrent("\"2\", W/\"3\"", 3);
        ApiProblem stale = assertThrows(ApiProblem.class, () -> ETags.requireCurrent("\"2\"", 3));
        assertEquals(412, stale.problem().status());
    }
}
