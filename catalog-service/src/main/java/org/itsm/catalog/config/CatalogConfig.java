package org.itsm.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "itsm.catalog")
public interface CatalogConfig {

    /** Largest accepted form definition or set of request field values, in characters of JSON. */
    @WithDefault("65536")
    int maxFormJsonLength();

    /** Name of the token claim carrying the user's manager (mapped from the Keycloak user attribute). */
    @WithDefault("manager")
    String managerClaim();

    /** How often the request gauges are refreshed from the database (the scheduler reads it by name). */
    @WithDefault("15s")
    String measuresRefreshInterval();
}
