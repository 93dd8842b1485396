package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AudienceTest {

    @Test
    void anAudienceIsWrittenAsItsRecipientAndReadBack() {
        assertEquals("group:network", Audience.group("network").recipient());
        assertEquals(Optional.of(Audience.role("itsm-cab-member")), Audience.of("role:itsm-cab-member"));
        assertEquals(Optional.of(Audience.group("major-incident")), Audience.of("group:major-incident"));
        assertEquals(Optional.empty(), Audience.of("kim"));
        assertEquals(Optional.empty(), Audience.of("group:"));
    }
}
