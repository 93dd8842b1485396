package org.itsm.problem.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which incidents a person may link to a problem (on create and on link alike): incidents problem management has
 * observed through incident events, not cancelled (a cancelled incident was raised in error: no occurrence), and not
 * linked to another open problem (an incident belongs to one open problem). Resolved and closed incidents may be
 * linked: problems are often found by looking back at incidents already fixed.
 *
 * <p>An incident created a moment ago may not have reached problem-service yet: it is refused as unknown to problem
 * management, and the message says to retry once incident-service has reported it.
 */
public final class IncidentLinkRule {

    /** Why incidents cannot be linked: unknown or cancelled ones (422), and those of another open problem (409). */
    public record Verdict(List<String> unknown, List<String> cancelled, Map<String, String> inOtherOpenProblem) {

        public boolean unprocessable() {
            return !unknown.isEmpty() || !cancelled.isEmpty();
        }

        public List<String> messages() {
            List<String> messages = new ArrayList<>();
            if (!unknown.isEmpty()) {
                messages.add("unknown to problem management: " + String.join(", ", unknown)
                        + " (no incident event received for them; check the numbers, or retry in a moment if just "
                        + "created)");
            }
            if (!cancelled.isEmpty()) {
                messages.add("cancelled incidents are no occurrence and cannot be linked: "
                        + String.join(", ", cancelled));
            }
            return messages;
        }

        public String conflict() {
            return String.join("; ", inOtherOpenProblem.entrySet().stream()
                    .map(entry -> "Incident " + entry.getKey() + " is already linked to open problem "
                            + entry.getValue())
                    .toList()) + "; unlink it there first";
        }
    }

    /**
     * Judges the requested incidents given their states as observed (absent = never observed) and the other open
     * problem each is linked to (absent = none).
     */
    public Verdict judge(List<String> requested, Map<String, String> observedStates,
            Map<String, String> otherOpenProblems) {
        List<String> unknown = requested.stream().filter(number -> !observedStates.containsKey(number)).toList();
        List<String> cancelled = requested.stream()
                .filter(number -> "CANCELLED".equals(observedStates.get(number))).toList();
        return new Verdict(unknown, cancelled, otherOpenProblems);
    }
}
