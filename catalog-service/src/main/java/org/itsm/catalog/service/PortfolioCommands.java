package org.itsm.catalog.service;

import java.util.List;
import java.util.UUID;

import org.itsm.catalog.domain.Criticality;
import org.itsm.catalog.domain.ServiceType;
import org.itsm.catalog.domain.WindowRules;
import org.itsm.events.catalog.BusinessHours;
import org.itsm.events.catalog.SlaTarget;

/** What the portfolio's use cases are asked to do, whoever asks (the REST layer maps its request bodies to these). */
public final class PortfolioCommands {

    private PortfolioCommands() {
    }

    public record RegisterService(String name, String description, ServiceType type, String owner,
            String supportGroup, Criticality criticality, String version, List<UUID> dependsOn) {
    }

    /** Fields to change; null leaves a field as it is. */
    public record EditService(String name, String description, ServiceType type, String owner, String supportGroup,
            Criticality criticality, String version, List<UUID> dependsOn) {
    }

    /** A new offering; windows as given, checked by {@link WindowRules}. */
    public record AddOffering(String name, String supportGroup, List<SlaTarget> slaTargets,
            BusinessHours businessHours, List<WindowRules.Window> maintenanceWindows,
            List<WindowRules.Window> blackoutWindows, Boolean defaultOffering) {
    }

    /** Fields to change; null leaves a field as it is, a list given replaces the stored one. */
    public record EditOffering(String name, String supportGroup, List<SlaTarget> slaTargets,
            BusinessHours businessHours, List<WindowRules.Window> maintenanceWindows,
            List<WindowRules.Window> blackoutWindows, Boolean defaultOffering) {
    }
}
