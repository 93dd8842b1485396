package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void supportedLanguagesAndTheirRegionsAreKeptOthersFallBack() {
        assertEquals("ko", Languages.supportedOr("ko", "en"));
        assertEquals("ko", Languages.supportedOr("ko-KR", "en"));
        assertEquals("en", Languages.supportedOr("en_GB", "ko"));
        assertEquals("en", Languages.supportedOr("fr", "en"));
        assertEquals("ko", Languages.supportedOr(null, "ko"));
    }
}
