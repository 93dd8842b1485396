package org.itsm.catalog.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.itsm.events.catalog.SlaTarget;

/**
 * How a change's catalog update changes an offering's SLA targets: the targets it gives replace those of the same
 * priority, the others stay; the result is ordered by priority.
 */
public final class SlaTargetUpdate {

    private SlaTargetUpdate() {
    }

    public static List<SlaTarget> merged(List<SlaTarget> current, List<SlaTarget> changes) {
        Map<String, SlaTarget> byPriority = new LinkedHashMap<>();
        (current == null ? List.<SlaTarget>of() : current).forEach(target -> byPriority.put(target.priority(), target));
        (changes == null ? List.<SlaTarget>of() : changes).forEach(target -> byPriority.put(target.priority(), target));
        return byPriority.values().stream().sorted(Comparator.comparing(SlaTarget::priority)).toList();
    }
}
