package org.itsm.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import org.itsm.catalog.domain.WindowRules.Problem;
import org.itsm.catalog.domain.WindowRules.Weekly;
import org.itsm.catalog.domain.WindowRules.Window;
import org.itsm.events.catalog.TimeWindow;
import org.itsm.events.catalog.WeeklyRecurrence;
import org.junit.jupiter.api.Test;

class WindowRulesTest {

    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2027-02-01T00:00:00Z");
    private static final LocalTime TWO = LocalTime.of(2, 0);
    private static final LocalTime FOUR = LocalTime.of(4, 0);

    @Test
    void aWeeklyWindowInAnIanaZoneIsAcceptedWithOrWithoutBounds() {
        List<Window> windows = List.of(new Window(null, null, "patch night", new Weekly("sunday", TWO, FOUR,
                "Asia/Seoul")), new Window(JAN, null, null, new Weekly("SATURDAY", LocalTime.of(23, 0), TWO,
                        "Europe/Paris")), new Window(JAN, FEB, "year start", null));
        assertEquals(List.of(), WindowRules.problems("maintenanceWindows", windows));
        assertEquals(new TimeWindow(null, null, "patch night", new WeeklyRecurrence("SUNDAY", TWO, FOUR,
                "Asia/Seoul")), WindowRules.toContract(windows).get(0));
    }

    @Test
    void badDaysTimesZonesAndBoundsAreNamed() {
        List<Window> windows = List.of(
                new Window(FEB, JAN, null, new Weekly("Sonntag", TWO, TWO, "Mars/Olympus")),
                new Window(null, null, null, new Weekly(null, null, null, null)),
                new Window(JAN, null, null, null),
                new Window(FEB, FEB, null, null));
        assertEquals(List.of("blackoutWindows[0].weekly.day", "blackoutWindows[0].weekly.to",
                "blackoutWindows[0].weekly.timeZone", "blackoutWindows[0].end",
                "blackoutWindows[1].weekly.day", "blackoutWindows[1].weekly.from", "blackoutWindows[1].weekly.to",
                "blackoutWindows[1].weekly.timeZone", "blackoutWindows[2].end", "blackoutWindows[3].end"),
                WindowRules.problems("blackoutWindows", windows).stream().map(Problem::field).toList());
    }
}
