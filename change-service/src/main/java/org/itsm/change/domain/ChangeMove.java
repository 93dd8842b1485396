package org.itsm.change.domain;

/** The explicit lifecycle actions of a change, as named in the API ({@code POST /changes/{id}/<action>}). */
public enum ChangeMove {
    SUBMIT("submit"), ASSESS("assess"), SCHEDULE("schedule"), IMPLEMENT("implement"), REVIEW("review"),
    CLOSE("close"), CANCEL("cancel");

    private final String action;

    ChangeMove(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
