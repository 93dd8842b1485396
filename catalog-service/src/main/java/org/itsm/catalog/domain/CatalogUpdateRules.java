package org.itsm.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.catalog.SlaTarget;
import org.itsm.events.change.CatalogUpdate;

/**
 * Whether an implemented change's catalog update still fits the affected services. The update is applied whole
 * or not at all: any misfit (a retired service, an illegal lifecycle move, an offering retired meanwhile, bad
 * SLA targets) rejects it with the reasons.
 */
public final class CatalogUpdateRules {

    static final Set<String> PRIORITIES = Set.of("P1", "P2", "P3", "P4", "P5");

    /** What the rules need to know of an offering of an affected service. */
    public record OfferingFacts(UUID id, UUID serviceId, String name, OfferingStatus status) {
    }

    private CatalogUpdateRules() {
    }

    /** The reasons the update does not fit; empty when it can be applied. */
    public static List<String> misfits(List<CatalogService> services, CatalogUpdate update,
            Map<UUID, OfferingFacts> offerings) {
        List<String> misfits = new ArrayList<>();
        Set<UUID> affected = new HashSet<>();
        for (CatalogService service : services) {
            affected.add(service.id);
            if (service.lifecycle == Lifecycle.RETIRED) {
                misfits.add(service.number + " is retired");
            }
        }
        Lifecycle target = null;
        if (update.lifecycle() != null) {
            try {
                target = Lifecycle.valueOf(update.lifecycle().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                misfits.add("lifecycle '" + update.lifecycle() + "' is not one of PIPELINE, LIVE, RETIRED");
            }
        }
        for (CatalogService service : services) {
            if (target != null && target != service.lifecycle && service.lifecycle != Lifecycle.RETIRED
                    && !ServiceLifecycle.allows(service.lifecycle, target)) {
                misfits.add(service.number + " cannot move from " + service.lifecycle + " to " + target);
            }
        }
        Set<UUID> retiring = new HashSet<>();
        for (UUID offeringId : nullSafe(update.offeringsRetired())) {
            OfferingFacts offering = offerings.get(offeringId);
            if (offering == null || !affected.contains(offering.serviceId())) {
                misfits.add("offering " + offeringId + " is not an offering of the affected services");
            } else if (offering.status() != OfferingStatus.ACTIVE) {
                misfits.add("offering " + offering.name() + " was already retired");
            } else {
                retiring.add(offeringId);
            }
        }
        for (String name : nullSafe(update.offeringsAdded())) {
            if (name == null || name.isBlank() || name.length() > 120) {
                misfits.add("offering name '" + name + "' must be 1 to 120 characters");
            } else if (offerings.values().stream().anyMatch(offering -> offering.status() == OfferingStatus.ACTIVE
                    && offering.name().equalsIgnoreCase(name.strip()) && !retiring.contains(offering.id()))) {
                misfits.add("an active offering named " + name.strip() + " already exists");
            }
        }
        if (update.slaOfferingId() != null) {
            OfferingFacts offering = offerings.get(update.slaOfferingId());
            if (offering == null || !affected.contains(offering.serviceId())) {
                misfits.add("SLA offering " + update.slaOfferingId() + " is not an offering of the affected services");
            } else if (offering.status() != OfferingStatus.ACTIVE || retiring.contains(offering.id())) {
                misfits.add("SLA offering " + offering.name() + " is retired");
            }
            misfits.addAll(slaTargetProblems(update.slaTargets()));
        } else if (!nullSafe(update.slaTargets()).isEmpty()) {
            misfits.add("slaTargets given without slaOfferingId");
        }
        return misfits;
    }

    /** Targets must name each priority at most once, with positive minutes, response within resolution. */
    public static List<String> slaTargetProblems(List<SlaTarget> targets) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SlaTarget target : nullSafe(targets)) {
            if (target == null || !PRIORITIES.contains(target.priority())) {
                problems.add("SLA target priority must be one of P1..P5");
                continue;
            }
            if (!seen.add(target.priority())) {
                problems.add("SLA target " + target.priority() + " is given twice");
            }
            if (target.responseMinutes() < 1 || target.resolutionMinutes() < 1) {
                problems.add("SLA target " + target.priority() + " needs positive minutes");
            } else if (target.responseMinutes() > target.resolutionMinutes()) {
                problems.add("SLA target " + target.priority() + " responds after it resolves");
            }
        }
        return problems;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
