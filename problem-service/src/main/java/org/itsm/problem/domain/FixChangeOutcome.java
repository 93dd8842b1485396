package org.itsm.problem.domain;

/** How the change carrying a problem's fix ended, as change-service reports it. */
public enum FixChangeOutcome {
    IMPLEMENTED, FAILED, CANCELLED;

    /** Whether a change that ended so still stands for the fix: only an implemented one (or one still pending). */
    public static boolean withdrawn(String outcome) {
        return FAILED.name().equals(outcome) || CANCELLED.name().equals(outcome);
    }
}
