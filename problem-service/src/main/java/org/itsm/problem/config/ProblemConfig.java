package org.itsm.problem.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "itsm.problem")
public interface ProblemConfig {

    Detection detection();

    /** How often the Prometheus gauges are refreshed from the database. */
    @WithDefault("15s")
    Duration measuresRefreshInterval();

    interface Detection {
        /** Incidents of one service and category that make a recurrence. */
        @WithDefault("3")
        int threshold();

        /** How close together those incidents must be reported. */
        @WithDefault("PT24H")
        Duration window();
    }
}
