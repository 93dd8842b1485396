package org.itsm.catalog.domain;

/**
 * Moves of a service request, each named by the endpoint that makes it (relative to {@code /requests/{id}/}).
 * Approve, reject, cancel and close are request actions; a request moves to In Fulfilment when its first task is
 * started ({@code tasks/{taskId}/start}) and to Fulfilled when its last open task is completed
 * ({@code tasks/{taskId}/complete}). Submission routes a new request by itself: those moves have no endpoint.
 */
public enum RequestMove {
    AWAIT_APPROVAL(null), AUTO_APPROVE(null), APPROVE("approve"), REJECT("reject"),
    START_FULFILMENT("tasks/{taskId}/start"), FULFIL("tasks/{taskId}/complete"), CLOSE("close"), CANCEL("cancel");

    private final String endpoint;

    RequestMove(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The endpoint that makes the move, or null for the moves submission makes by itself. */
    public String endpoint() {
        return endpoint;
    }

    /** An explicit action on the request ({@code POST /requests/{id}/<action>}), as opposed to a task's. */
    public boolean requestAction() {
        return endpoint != null && !endpoint.startsWith("tasks/");
    }

    /** How 409s and histories name the move: its endpoint, or the internal name of a system move. */
    public String action() {
        return endpoint != null ? endpoint : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
