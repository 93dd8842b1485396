package org.itsm.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PreferenceTest {

    @Test
    void withoutPreferencesEveryKindIsWantedInTheDirectoryLanguage() {
        assertTrue(Preference.wants(null, NotificationKind.INCIDENT_CREATED));
        assertEquals("ko", Preference.languageOf(null, "ko"));
        Preference none = new Preference();
        assertEquals("ko", Preference.languageOf(none, "ko"));
    }

    @Test
    void switchingKindsKeepsTheOthers() {
        Preference preference = new Preference();
        preference.switchKinds(Map.of(NotificationKind.INCIDENT_CLOSED, false));
        preference.switchKinds(Map.of(NotificationKind.INCIDENT_RESOLVED, false));
        assertEquals(List.of("INCIDENT_RESOLVED", "INCIDENT_CLOSED"), preference.disabledKinds);
        preference.switchKinds(Map.of(NotificationKind.INCIDENT_CLOSED, true));
        assertFalse(Preference.wants(preference, NotificationKind.INCIDENT_RESOLVED));
        assertTrue(Preference.wants(preference, NotificationKind.INCIDENT_CLOSED));
        assertEquals(NotificationKind.values().length, preference.kinds().size());
    }

    @Test
    void aChosenLanguageWins() {
        Preference preference = new Preference();
        preference.language = "en";
        assertEquals("en", Preference.languageOf(preference, "ko"));
    }
}
