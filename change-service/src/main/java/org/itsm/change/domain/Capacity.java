package org.itsm.change.domain;

/** In which capacity a vote counts. */
public enum Capacity {
    CHANGE_MANAGER, CAB_MEMBER
}
