package org.itsm.catalog.domain;

/**
 * Moves of a service request. The API names the explicit ones ({@code POST /requests/{id}/<action>}); submission
 * routes a new request by itself, and the first started task and the last completed task move the request.
 */
public enum RequestMove {
    AWAIT_APPROVAL("await-approval"), AUTO_APPROVE("auto-approve"), APPROVE("approve"), REJECT("reject"),
    START_FULFILMENT("start-fulfilment"), FULFIL("fulfil"), CLOSE("close"), CANCEL("cancel");

    private final String action;

    RequestMove(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
