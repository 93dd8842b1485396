package org.itsm.incident.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlaTermsReasonTest {

    @Test
    void aNamedServiceWithoutOfferingTakesItsDefaultOffering() {
        SlaTermsReason reason = SlaTermsReason.of(false, true, true, true);
        assertEquals(SlaTermsReason.SERVICE_DEFAULT_OFFERING, reason);
        assertTrue(reason.fromOffering());
    }

    @Test
    void defaultsApplyOnlyWithAReasonSaidOutLoud() {
        assertEquals(SlaTermsReason.NO_SERVICE, SlaTermsReason.of(false, false, false, false));
        assertEquals(SlaTermsReason.NO_DEFAULT_OFFERING, SlaTermsReason.of(false, true, false, false));
        assertEquals(SlaTermsReason.NO_TARGET_FOR_PRIORITY, SlaTermsReason.of(true, true, false, false));
        assertEquals(SlaTermsReason.NO_TARGET_FOR_PRIORITY, SlaTermsReason.of(false, true, true, false));
        assertFalse(SlaTermsReason.NO_DEFAULT_OFFERING.fromOffering());
        assertTrue(SlaTermsReason.NO_DEFAULT_OFFERING.explanation().contains("no default offering"));
    }

    @Test
    void aNamedOfferingWins() {
        assertEquals(SlaTermsReason.NAMED_OFFERING, SlaTermsReason.of(true, true, true, true));
    }
}
