package org.itsm.problem.domain;

import java.util.List;

public enum ProblemState {
    NEW, ASSESSMENT, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

    public static final List<ProblemState> OPEN = List.of(NEW, ASSESSMENT, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
