package org.itsm.catalog.domain;

import java.util.List;
import java.util.Set;

import org.itsm.events.change.ChangeEvent;

/** When a change's planned mark on the catalog no longer tells the truth. */
public final class PlannedMarks {

    /** The window fields of a change, as {@code changedFields} names them. */
    static final Set<String> WINDOW = Set.of("plannedStart", "plannedEnd");

    /** States before authorisation completes: a change there is not approved to happen at any window yet. */
    static final Set<String> AWAITING_APPROVAL = Set.of("NEW", "ASSESS", "AUTHORIZE");

    private PlannedMarks() {
    }

    /** An update that moved the window and sent the change back before approval makes its mark stale. */
    public static boolean staleAfter(ChangeEvent updated) {
        List<String> changed = updated.changedFields();
        return changed != null && changed.stream().anyMatch(WINDOW::contains)
                && AWAITING_APPROVAL.contains(updated.state());
    }
}
