package org.itsm.change.domain;

/** Standard changes come from a pre-approved template; emergency changes skip assessment and go to the emergency CAB. */
public enum ChangeType {
    STANDARD, NORMAL, EMERGENCY
}
