package org.itsm.change.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "itsm.change")
public interface ChangeConfig {

    /** CAB approvals a medium- or high-risk normal change needs. */
    @WithDefault("2")
    int cabQuorum();

    /** Longest span the change calendar answers in one request, in days. */
    @WithDefault("366")
    int maxScheduleDays();
}
