package org.itsm.events.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.itsm.events.api.Priority;
import org.itsm.events.catalog.Lifecycle;
import org.itsm.events.catalog.SlaTarget;

/**
 * The value rules of a change's catalog update, needing no stored data: change-service checks them when a change is
 * raised or edited, catalog-service again before it applies the update (adding its own checks against the catalog:
 * services and offerings exist and are active, lifecycle moves are legal).
 *
 * <ul>
 * <li>{@code lifecycle} is one of PIPELINE, LIVE, RETIRED;</li>
 * <li>{@code version} is at most 40 characters and not blank;</li>
 * <li>each added offering names its service (one of the change's affected services when they are known) and has a
 * name of 1 to 120 characters, unique per service within the update;</li>
 * <li>each retired offering id is given, and once;</li>
 * <li>SLA targets need {@code slaOfferingId}; each names a priority P1..P5 once, with positive minutes, and
 * resolution no sooner than response.</li>
 * </ul>
 * Errors name the field as {@code catalogUpdate.<field>[<index>].<part>}.
 */
public final class CatalogUpdateRules {

    public static final List<String> LIFECYCLES = Arrays.stream(Lifecycle.values()).map(Enum::name).toList();
    public static final List<String> PRIORITIES = Arrays.stream(Priority.values()).map(Enum::name).toList();
    public static final int MAX_OFFERING_NAME = 120;
    public static final int MAX_VERSION = 40;

    private static final String ROOT = "catalogUpdate";

    /** One broken rule: the field's path and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    private CatalogUpdateRules() {
    }

    /** The value errors of the update, when the affected services are not known (added offerings' services unchecked). */
    public static List<FieldError> check(CatalogUpdate update) {
        return check(update, null);
    }

    /**
     * The value errors of the update; empty when it is acceptable. {@code affectedServiceIds}, when not null, are the
     * services the change affects: an added offering must name one of them.
     */
    public static List<FieldError> check(CatalogUpdate update, Collection<UUID> affectedServiceIds) {
        List<FieldError> errors = new ArrayList<>();
        if (update == null) {
            return errors;
        }
        if (update.version() != null && (update.version().isBlank() || update.version().length() > MAX_VERSION)) {
            errors.add(new FieldError(ROOT + ".version", "must be 1 to " + MAX_VERSION + " characters"));
        }
        if (update.lifecycle() != null && !LIFECYCLES.contains(update.lifecycle().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError(ROOT + ".lifecycle",
                    "'" + update.lifecycle() + "' is not one of " + String.join(", ", LIFECYCLES)));
        }
        List<CatalogUpdate.AddedOffering> added = nullSafe(update.offeringsAdded());
        Set<String> addedNames = new HashSet<>();
        for (int i = 0; i < added.size(); i++) {
            String path = ROOT + ".offeringsAdded[" + i + "]";
            CatalogUpdate.AddedOffering offering = added.get(i);
            if (offering == null) {
                errors.add(new FieldError(path, "must name a service and an offering name"));
                continue;
            }
            if (offering.serviceId() == null) {
                errors.add(new FieldError(path + ".serviceId", "must name the service the offering is created on"));
            } else if (affectedServiceIds != null && !affectedServiceIds.contains(offering.serviceId())) {
                errors.add(new FieldError(path + ".serviceId",
                        "service " + offering.serviceId() + " is not one of the change's affected services"));
            }
            String name = offering.name();
            if (name == null || name.isBlank() || name.strip().length() > MAX_OFFERING_NAME) {
                errors.add(new FieldError(path + ".name", "must be 1 to " + MAX_OFFERING_NAME + " characters"));
            } else if (!addedNames.add(offering.serviceId() + "/" + name.strip().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path + ".name", "offering " + name.strip() + " is added twice"));
            }
        }
        List<UUID> retired = nullSafe(update.offeringsRetired());
        Set<UUID> retiredSeen = new HashSet<>();
        for (int i = 0; i < retired.size(); i++) {
            if (retired.get(i) == null) {
                errors.add(new FieldError(ROOT + ".offeringsRetired[" + i + "]", "must be an offering id"));
            } else if (!retiredSeen.add(retired.get(i))) {
                errors.add(new FieldError(ROOT + ".offeringsRetired[" + i + "]", "offering is retired twice"));
            }
        }
        if (update.slaOfferingId() != null && retiredSeen.contains(update.slaOfferingId())) {
            errors.add(new FieldError(ROOT + ".slaOfferingId", "the offering is retired by the same update"));
        }
        if (update.slaOfferingId() == null && !nullSafe(update.slaTargets()).isEmpty()) {
            errors.add(new FieldError(ROOT + ".slaOfferingId", "is required when slaTargets are given"));
        }
        errors.addAll(slaTargetErrors(ROOT + ".slaTargets", update.slaTargets()));
        return errors;
    }

    /**
     * SLA targets name each priority P1..P5 at most once, with positive minutes and a resolution no sooner than the
     * response. {@code path} is the list's field path; errors name {@code path[i].part}.
     */
    public static List<FieldError> slaTargetErrors(String path, List<SlaTarget> targets) {
        List<FieldError> errors = new ArrayList<>();
        List<SlaTarget> list = nullSafe(targets);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = path + "[" + i + "]";
            SlaTarget target = list.get(i);
            if (target == null) {
                errors.add(new FieldError(at, "must be a target"));
                continue;
            }
            if (!PRIORITIES.contains(target.priority())) {
                errors.add(new FieldError(at + ".priority", "must be one of " + String.join(", ", PRIORITIES)));
            } else if (!seen.add(target.priority())) {
                errors.add(new FieldError(at + ".priority", "priority " + target.priority() + " is given twice"));
            }
            if (target.responseMinutes() < 1) {
                errors.add(new FieldError(at + ".responseMinutes", "must be at least 1"));
            }
            if (target.resolutionMinutes() < 1) {
                errors.add(new FieldError(at + ".resolutionMinutes", "must be at least 1"));
            } else if (target.responseMinutes() >= 1 && target.resolutionMinutes() < target.responseMinutes()) {
                errors.add(new FieldError(at + ".resolutionMinutes", "must not be shorter than responseMinutes"));
            }
        }
        return errors;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
