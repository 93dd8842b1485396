package org.itsm.catalog.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.OfferingStatus;
import org.itsm.events.change.CatalogUpdate;
import org.itsm.events.change.CatalogUpdateRules;

/**
 * Whether an implemented change's catalog update still fits the affected services. The update is applied whole
 * or not at all: any misfit rejects it with the reasons. The value rules (lifecycle names, priorities, minutes, an
 * added offering naming its service, ...) are the contract's {@link CatalogUpdateRules}, which change-service checks
 * when the change is raised; this class adds what needs the catalog's data: a retired service, an illegal lifecycle
 * move or a retirement with open requests, an offering unknown to the affected services or retired meanwhile, an added offering's name already taken
 * on its service.
 */
public final class CatalogUpdateFit {

    /** What the rules need to know of an offering of an affected service. */
    public record OfferingFacts(UUID id, UUID serviceId, String name, OfferingStatus status) {
    }

    private CatalogUpdateFit() {
    }

    /**
     * The reasons the update does not fit {@code services} (those it is still to be applied to; the change affects
     * {@code affectedServiceIds}); empty when it can be applied. {@code offerings} are those of {@code services};
     * {@code openRequests} the numbers of the open requests of each of them (a service with open requests does not
     * retire, {@link ServiceLifecycle#refusal}).
     */
    public static List<String> misfits(List<ItService> services, Collection<UUID> affectedServiceIds,
            CatalogUpdate update, Map<UUID, OfferingFacts> offerings, Map<UUID, List<String>> openRequests) {
        List<String> misfits = new ArrayList<>();
        CatalogUpdateRules.check(update, affectedServiceIds)
                .forEach(error -> misfits.add(error.field() + ": " + error.message()));
        Set<UUID> affected = new HashSet<>();
        for (ItService service : services) {
            affected.add(service.id);
            if (service.lifecycle == Lifecycle.RETIRED) {
                misfits.add(service.number + " is retired");
            }
        }
        Lifecycle target = null;
        if (update.lifecycle() != null
                && CatalogUpdateRules.LIFECYCLES.contains(update.lifecycle().toUpperCase(Locale.ROOT))) {
            target = Lifecycle.valueOf(update.lifecycle().toUpperCase(Locale.ROOT));
        }
        for (ItService service : services) {
            if (target != null && target != service.lifecycle && service.lifecycle != Lifecycle.RETIRED
                    && !ServiceLifecycle.allows(service.lifecycle, target)) {
                misfits.add(service.number + " cannot move from " + service.lifecycle + " to " + target);
            } else if (target != null && target != service.lifecycle) {
                String refusal = ServiceLifecycle.refusal(service.number, target, openRequests.get(service.id));
                if (refusal != null) {
                    misfits.add(refusal);
                }
            }
        }
        Set<UUID> retiring = new HashSet<>();
        for (UUID offeringId : nullSafe(update.offeringsRetired())) {
            if (offeringId == null) {
                continue;
            }
            OfferingFacts offering = offerings.get(offeringId);
            if (offering == null || !affected.contains(offering.serviceId())) {
                misfits.add("offering " + offeringId + " is not an offering of the affected services");
            } else if (offering.status() != OfferingStatus.ACTIVE) {
                misfits.add("offering " + offering.name() + " was already retired");
            } else {
                retiring.add(offeringId);
            }
        }
        for (CatalogUpdate.AddedOffering added : nullSafe(update.offeringsAdded())) {
            if (added == null || added.name() == null || added.serviceId() == null) {
                continue;
            }
            String name = added.name().strip();
            if (offerings.values().stream().anyMatch(offering -> offering.serviceId().equals(added.serviceId())
                    && offering.status() == OfferingStatus.ACTIVE && offering.name().equalsIgnoreCase(name)
                    && !retiring.contains(offering.id()))) {
                misfits.add("an active offering named " + name + " already exists on service " + added.serviceId());
            }
        }
        if (update.slaOfferingId() != null) {
            OfferingFacts offering = offerings.get(update.slaOfferingId());
            if (offering == null || !affected.contains(offering.serviceId())) {
                misfits.add("SLA offering " + update.slaOfferingId() + " is not an offering of the affected services");
            } else if (offering.status() != OfferingStatus.ACTIVE || retiring.contains(offering.id())) {
                misfits.add("SLA offering " + offering.name() + " is retired");
            }
        }
        return misfits;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
