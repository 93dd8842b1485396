package org.itsm.change.domain;

/** How much of the change was tested before it goes live. */
public enum Testing {
    FULL, PARTIAL, NONE
}
