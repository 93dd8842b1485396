package org.itsm.change.domain;

public enum Decision {
    APPROVE, REJECT
}
