package org.itsm.incident.domain;

/**
 * Whose SLA targets an incident's clocks count against, and why. The rule ({@link #of}): the offering named on
 * the incident; else, when it names a service, the service's default offering (catalog); else the configured
 * defaults. An offering without a target for the incident's priority also falls back to the defaults.
 */
public enum SlaTermsReason {
    NAMED_OFFERING(true, "The targets of the offering named on the incident apply."),
    SERVICE_DEFAULT_OFFERING(true, "No offering named: the targets of the service's default offering apply."),
    NO_SERVICE(false, "No service and no offering named: the configured default targets apply."),
    NO_DEFAULT_OFFERING(false,
            "No offering named and the service has no default offering: the configured default targets apply."),
    NO_TARGET_FOR_PRIORITY(false,
            "The offering has no target for this priority: the configured default targets apply.");

    private final boolean fromOffering;
    private final String explanation;

    SlaTermsReason(boolean fromOffering, String explanation) {
        this.fromOffering = fromOffering;
        this.explanation = explanation;
    }

    public boolean fromOffering() {
        return fromOffering;
    }

    public String explanation() {
        return explanation;
    }

    /**
     * @param offeringNamed        the incident names an offering
     * @param serviceNamed         the incident names a service
     * @param defaultOfferingFound the service has an active default offering (only asked when no offering is named)
     * @param targetFound          the applying offering has a target for the incident's priority
     */
    public static SlaTermsReason of(boolean offeringNamed, boolean serviceNamed, boolean defaultOfferingFound,
            boolean targetFound) {
        if (!offeringNamed) {
            if (!serviceNamed) {
                return NO_SERVICE;
            }
            if (!defaultOfferingFound) {
                return NO_DEFAULT_OFFERING;
            }
        }
        if (!targetFound) {
            return NO_TARGET_FOR_PRIORITY;
        }
        return offeringNamed ? NAMED_OFFERING : SERVICE_DEFAULT_OFFERING;
    }
}
