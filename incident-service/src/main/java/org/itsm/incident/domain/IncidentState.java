package org.itsm.incident.domain;

public enum IncidentState {
    NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELLED;

    public boolean isOpen() {
        return this == NEW || this == IN_PROGRESS || this == ON_HOLD;
    }
}
