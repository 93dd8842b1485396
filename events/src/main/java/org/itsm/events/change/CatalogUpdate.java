package org.itsm.events.change;

import java.util.List;
import java.util.UUID;

import org.itsm.events.catalog.SlaTarget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the catalog applies to the affected services when the carrying change is implemented. All parts optional.
 * Each offering added names the service it is created on ({@link AddedOffering#serviceId()}); value rules in
 * {@link CatalogUpdateRules}.
 */
public record CatalogUpdate(
        String version,
        String lifecycle,
        List<AddedOffering> offeringsAdded,
        List<UUID> offeringsRetired,
        UUID slaOfferingId,
        List<SlaTarget> slaTargets) {

    /**
     * An offering the update creates, on the one service it names. Older payloads gave only the name as a bare
     * string: such an offering names no service, which {@link CatalogUpdateRules} refuses.
     */
    public record AddedOffering(UUID serviceId, String name) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public AddedOffering(@JsonProperty("serviceId") UUID serviceId, @JsonProperty("name") String name) {
            this.serviceId = serviceId;
            this.name = name;
        }

        /** The former bare-name form. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static AddedOffering named(String name) {
            return new AddedOffering(null, name);
        }
    }
}
