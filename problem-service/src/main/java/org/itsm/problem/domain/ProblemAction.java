package org.itsm.problem.domain;

/** What may be done to a problem besides the lifecycle moves, as named in {@code allowedActions}. */
public enum ProblemAction {
    UPDATE("update"), LINK_INCIDENT("link-incident"), UNLINK_INCIDENT("unlink-incident"),
    RECORD_FIX_CHANGE("fix-change"), PUBLISH_KNOWN_ERROR("publish-known-error");

    private final String action;

    ProblemAction(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
