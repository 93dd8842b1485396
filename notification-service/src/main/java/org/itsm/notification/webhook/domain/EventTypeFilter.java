package org.itsm.notification.webhook.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.itsm.events.EventTypes;

/**
 * Which events a subscription wants. Each entry is an exact event type ({@code itsm.incident.created.v1}) or a prefix
 * ending in {@code *} ({@code itsm.incident.*}, {@code itsm.change.approv*}); {@code *} alone takes every event. The
 * leading {@code itsm.} may be left out ({@code incident.*}); entries are stored with it. An exact type must be one
 * the platform publishes ({@link EventTypes#ALL}) and a prefix must start at least one, so a typo is refused instead
 * of silently matching nothing.
 */
public final class EventTypeFilter {

    /** The most entries one subscription may name. */
    public static final int MAX_ENTRIES = 50;

    private static final String NAMESPACE = "itsm.";
    private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\*?|\\*");

    private EventTypeFilter() {
    }

    /** The normalised entries, or the reasons they are refused (each naming the offending entry). */
    public record Result(List<String> entries, List<String> errors) {
    }

    public static Result normalise(List<String> entries) {
        List<String> errors = new ArrayList<>();
        if (entries == null || entries.isEmpty()) {
            errors.add("must name at least one event type or prefix (e.g. itsm.incident.*, or * for every event)");
            return new Result(List.of(), errors);
        }
        if (entries.size() > MAX_ENTRIES) {
            errors.add("may name at most " + MAX_ENTRIES + " entries");
            return new Result(List.of(), errors);
        }
        Set<String> normalised = new LinkedHashSet<>();
        for (String entry : entries) {
            String refusal = refusal(entry);
            if (refusal != null) {
                errors.add(refusal);
            } else {
                normalised.add(withNamespace(entry));
            }
        }
        return new Result(List.copyOf(normalised), errors);
    }

    /** Whether an event of {@code type} matches one of the (normalised) entries. */
    public static boolean matches(List<String> entries, String type) {
        if (type == null) {
            return false;
        }
        for (String entry : entries) {
            if (entry.equals("*") || entry.equals(type)
                    || entry.endsWith("*") && type.startsWith(entry.substring(0, entry.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static String refusal(String entry) {
        if (entry == null || entry.isBlank()) {
            return "an entry is empty";
        }
        if (entry.length() > 100 || !SHAPE.matcher(entry).matches()) {
            return "'" + shorten(entry) + "' is not an event type or a prefix ending in *";
        }
        if (entry.equals("*")) {
            return null;
        }
        String type = withNamespace(entry);
        if (type.endsWith("*")) {
            String prefix = type.substring(0, type.length() - 1);
            return EventTypes.ALL.stream().anyMatch(known -> known.startsWith(prefix)) ? null
                    : "'" + entry + "' is the prefix of no event type";
        }
        return EventTypes.ALL.contains(type) ? null : "'" + entry + "' is not an event type of the platform";
    }

    private static String withNamespace(String entry) {
        return entry.equals("*") || entry.startsWith(NAMESPACE) ? entry : NAMESPACE + entry;
    }

    private static String shorten(String entry) {
        return entry.length() > 40 ? entry.substring(0, 40) + "…" : entry;
    }
}
