package org.itsm.problem.domain;

/** The explicit lifecycle actions of a problem, as named in the API ({@code POST /problems/{id}/<action>}). */
public enum Move {
    ASSESS("assess"), ANALYSE("analyse"), START_FIX("start-fix"), REANALYSE("reanalyse"), RESOLVE("resolve"),
    CLOSE("close"), CANCEL("cancel");

    private final String action;

    Move(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }
}
