package org.itsm.incident.domain;

public enum SlaState {
    ON_TRACK, AT_RISK, BREACHED, PAUSED, MET, MISSED
}
