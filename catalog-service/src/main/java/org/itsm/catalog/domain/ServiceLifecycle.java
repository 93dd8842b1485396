package org.itsm.catalog.domain;

import java.util.List;
import java.util.Map;

import org.itsm.events.catalog.Lifecycle;
import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * Portfolio moves of a service: Pipeline → Live, Pipeline → Retired (abandoned before launch), Live → Retired.
 * Retired is final; a service with open requests (for items of its offerings) cannot retire, and retiring a service
 * retires its active offerings. A change's catalog update may move the
 * lifecycle too, under the same rules.
 */
public final class ServiceLifecycle {

    /** The explicit actions and the lifecycle each leads to. */
    public static final Map<String, Lifecycle> ACTIONS = Map.of("go-live", Lifecycle.LIVE, "retire", Lifecycle.RETIRED);

    private ServiceLifecycle() {
    }

    public static List<Lifecycle> allowedTargets(Lifecycle from) {
        return switch (from) {
            case PIPELINE -> List.of(Lifecycle.LIVE, Lifecycle.RETIRED);
            case LIVE -> List.of(Lifecycle.RETIRED);
            case RETIRED -> List.of();
        };
    }

    public static boolean allows(Lifecycle from, Lifecycle to) {
        return allowedTargets(from).contains(to);
    }

    /** The actions allowed now, as named in the API. */
    public static List<String> allowedActions(Lifecycle from) {
        return allowedTargets(from).stream().map(ServiceLifecycle::action).toList();
    }

    /**
     * The actions {@code who} may take now: the lifecycle actions are catalog managers' and admins' (the roles
     * their endpoints admit); everyone else is offered none.
     */
    public static List<String> allowedActions(Lifecycle from, RequestAccess.Who who) {
        return CatalogAccess.managesCatalog(who) ? allowedActions(from) : List.of();
    }

    /** Why the service's fields cannot be edited now, or null: a retired service no longer changes. */
    public static String editRefusal(String serviceNumber, Lifecycle lifecycle) {
        return lifecycle == Lifecycle.RETIRED ? "Service " + serviceNumber + " is retired and can no longer change"
                : null;
    }

    /** Why the service takes no new offering now, or null: a retired one takes none. */
    public static String newOfferingRefusal(String serviceNumber, Lifecycle lifecycle) {
        return lifecycle == Lifecycle.RETIRED ? "Service " + serviceNumber + " is retired: it takes no new offerings"
                : null;
    }

    /** The target of {@code action}, or {@link IllegalMoveException} naming the actions allowed now. */
    public static Lifecycle apply(Lifecycle from, String action) {
        Lifecycle target = ACTIONS.get(action);
        if (target == null || !allows(from, target)) {
            throw new IllegalMoveException(action, from.name(), allowedActions(from));
        }
        return target;
    }

    /** Request states that keep a service from retiring: the request is still to be decided or fulfilled. */
    public static final List<RequestState> OPEN_REQUEST_STATES = List.of(RequestState.SUBMITTED,
            RequestState.AWAITING_APPROVAL, RequestState.APPROVED, RequestState.IN_FULFILMENT);

    /**
     * Why the service cannot move to {@code target}, or null: it cannot retire while requests for items of its
     * offerings are still open (they must be fulfilled, rejected or cancelled first).
     */
    public static String refusal(String serviceNumber, Lifecycle target, List<String> openRequests) {
        if (target == Lifecycle.RETIRED && openRequests != null && !openRequests.isEmpty()) {
            return serviceNumber + " cannot retire while requests are open: " + String.join(", ", openRequests);
        }
        return null;
    }

    /** A service moving to {@code target} takes its active offerings with it: retiring retires them. */
    public static boolean retiresOfferings(Lifecycle target) {
        return target == Lifecycle.RETIRED;
    }

    private static String action(Lifecycle target) {
        return target == Lifecycle.LIVE ? "go-live" : "retire";
    }
}
