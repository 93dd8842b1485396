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
        assertEquals(NotificationKind.selectable().size(), preference.kinds().size());
        assertFalse(preference.kinds().containsKey(NotificationKind.DAILY_DIGEST));
    }

    @Test
    void aChosenLanguageWins() {
        Preference preference = new Preference();
        preference.language = "en";
        assertEquals("en", Preference.languageOf(preference, "ko"));
    }

    @Test
    void kindsAreImmediateUntilChosenDailyAndChoosingKeepsTheOthers() {
        assertFalse(Preference.daily(null, NotificationKind.INCIDENT_ASSIGNED));
        Preference preference = new Preference();
        preference.chooseModes(Map.of(NotificationKind.INCIDENT_ASSIGNED, DeliveryMode.DAILY));
        preference.chooseModes(Map.of(NotificationKind.CHANGE_AWAITING_VOTE, DeliveryMode.DAILY));
        assertEquals(List.of("INCIDENT_ASSIGNED", "CHANGE_AWAITING_VOTE"), preference.digestKinds);
        preference.chooseModes(Map.of(NotificationKind.INCIDENT_ASSIGNED, DeliveryMode.IMMEDIATE));
        assertFalse(Preference.daily(preference, NotificationKind.INCIDENT_ASSIGNED));
        assertTrue(Preference.daily(preference, NotificationKind.CHANGE_AWAITING_VOTE));
        assertEquals(DeliveryMode.DAILY, preference.modes().get(NotificationKind.CHANGE_AWAITING_VOTE));
        assertEquals(DeliveryMode.IMMEDIATE, preference.modes().get(NotificationKind.INCIDENT_CLOSED));
        assertEquals(DeliveryMode.DAILY, DeliveryMode.of("daily"));
        assertEquals(null, DeliveryMode.of("weekly"));
    }
}
