package org.itsm.change.domain;

/** How the implementation went, recorded when it ends. */
public enum Outcome {
    SUCCESSFUL, SUCCESSFUL_WITH_ISSUES, FAILED, BACKED_OUT;

    /** Whether the change is in production as planned (the catalog applies its update) or not (the plan is dropped). */
    public boolean implemented() {
        return this == SUCCESSFUL || this == SUCCESSFUL_WITH_ISSUES;
    }
}
