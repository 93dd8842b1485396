package org.itsm.change.domain;

/** The change lifecycle (DESIGN §6): New → Assess → Authorize → Scheduled → Implement → Review → Closed, or Cancelled. */
public enum ChangeState {
    NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED, CANCELLED;

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }
}
