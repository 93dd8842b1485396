package org.itsm.change.domain;

/** Kinds of schedule conflict; the hard ones block authorisation unless a change manager overrides them. */
public enum ConflictKind {
    /** Another scheduled or running change on the same service overlaps the window. */
    CHANGE_OVERLAP(true),
    /** The change's implementer implements another scheduled or running change in an overlapping window. */
    IMPLEMENTER(true),
    /** A blackout window of an affected service or offering overlaps the window. */
    BLACKOUT(true),
    /** A change still being assessed or authorised on the same service overlaps the window. */
    PENDING_CHANGE_OVERLAP(false),
    /** A change on a service that depends on, or is depended on by, an affected service overlaps the window. */
    DEPENDENT_SERVICE_CHANGE(false),
    /** The service has maintenance windows and none contains the change window. */
    OUTSIDE_MAINTENANCE_WINDOW(false);

    private final boolean hard;

    ConflictKind(boolean hard) {
        this.hard = hard;
    }

    public boolean hard() {
        return hard;
    }
}
