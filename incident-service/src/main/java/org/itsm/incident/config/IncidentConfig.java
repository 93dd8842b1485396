package org.itsm.incident.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "itsm.incident")
public interface IncidentConfig {

    /** How long after resolution the caller or an agent may reopen. */
    @WithDefault("P3D")
    Duration reopenPeriod();

    /** Resolved incidents close by themselves after this. */
    @WithDefault("P3D")
    Duration autoCloseAfter();

    /** New incidents on a service within this time after a change was implemented there are flagged. */
    @WithDefault("PT24H")
    Duration changeCausedWindow();

    Sla sla();

    interface Sla {
        /** Elapsed fraction of a target from which a clock is at risk. */
        @WithDefault("0.75")
        double atRiskFraction();

        /** Targets when the affected offering has none: priority → minutes. */
        Map<String, Integer> defaultResponseMinutes();

        Map<String, Integer> defaultResolutionMinutes();

        /** How often the SLA monitor looks for clocks that crossed a line (read by SlaMonitor's schedule). */
        @WithDefault("30s")
        String checkInterval();
    }
}
