package org.itsm.change.domain;

public enum ApprovalStatus {
    NOT_REQUESTED, PENDING, APPROVED, REJECTED
}
