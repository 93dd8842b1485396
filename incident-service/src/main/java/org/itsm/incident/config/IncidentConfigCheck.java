package org.itsm.incident.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start when the incident configuration contradicts itself ({@link IncidentRules}). */
@ApplicationScoped
public class IncidentConfigCheck {

    void onStart(@Observes StartupEvent start, IncidentConfig config) {
        IncidentRules.validate(config.reopenPeriod(), config.autoCloseAfter());
    }
}
