package org.itsm.incident.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules the configuration must keep. A resolved incident may be reopened within the reopen period and closes by
 * itself after the auto-close delay; once closed it is final. So the reopen period must not be longer than the
 * auto-close delay (otherwise the promised reopen window is cut short by the close), and both must be positive.
 */
public final class IncidentRules {

    private IncidentRules() {
    }

    /** The contradictions found, empty when the configuration is sound. */
    public static List<String> violations(Duration reopenPeriod, Duration autoCloseAfter) {
        List<String> violations = new ArrayList<>();
        if (reopenPeriod.isNegative() || reopenPeriod.isZero()) {
            violations.add("itsm.incident.reopen-period must be positive (is " + reopenPeriod + ")");
        }
        if (autoCloseAfter.isNegative() || autoCloseAfter.isZero()) {
            violations.add("itsm.incident.auto-close-after must be positive (is " + autoCloseAfter + ")");
        }
        if (reopenPeriod.compareTo(autoCloseAfter) > 0) {
            violations.add("itsm.incident.reopen-period (" + reopenPeriod + ") must not be longer than"
                    + " itsm.incident.auto-close-after (" + autoCloseAfter + "): a resolved incident closes (finally)"
                    + " after the auto-close delay, so a longer reopen period could never be used");
        }
        return violations;
    }

    /** Throws {@link IllegalStateException} naming every contradiction. */
    public static void validate(Duration reopenPeriod, Duration autoCloseAfter) {
        List<String> violations = violations(reopenPeriod, autoCloseAfter);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Invalid incident configuration: " + String.join("; ", violations));
        }
    }
}
