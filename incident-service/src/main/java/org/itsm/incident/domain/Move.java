package org.itsm.incident.domain;

/** The explicit lifecycle actions of an incident, as named in the API ({@code POST /incidents/{id}/<action>}). */
public enum Move {
    START("start"), HOLD("hold"), RESUME("resume"), RESOLVE("resolve"), REOPEN("reopen"), CLOSE("close"),
    CANCEL("cancel");

    private final String action;

    Move(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
