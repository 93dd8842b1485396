package org.itsm.gateway.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.itsm.events.api.Roles;

/**
 * Who is on which record, as every gateway instance learns it from the presence topic. The rules:
 * <ul>
 * <li>An entry is one browser tab (a user and a session id) on a record. It lives {@code expiry} after its latest
 * heartbeat (the heartbeat's own time, so a late copy from another instance expires on time), and goes at once on
 * leaving. A heartbeat already expired when it arrives, or older than the entry's latest one, changes nothing.</li>
 * <li>A user shows once per record: {@code editing} wins over {@code viewing} when any of their live tabs edits;
 * {@code since} is when their earliest live tab arrived; the display name is the latest heartbeat's.</li>
 * <li>A caller is never shown their own entry: {@link #present} leaves out the user asking.</li>
 * <li>Only staff take part: any platform role but requester ({@link #mayTakePart}); requesters neither show
 * themselves nor see who is on a record.</li>
 * </ul>
 * Thread-safe; every method takes the time from its caller, so tests drive it with a fixed clock.
 */
public final class PresenceBoard {

    public enum Activity {
        VIEWING, EDITING;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A record presence is kept for: its type ({@code incident}, {@code problem}, {@code request}) and number. */
    public record RecordRef(String type, String number) {
    }

    /** One tab's heartbeat. */
    public record Heartbeat(RecordRef record, String user, String displayName, String session, Activity activity,
            Instant at) {
    }

    /** A user on a record, as shown to the others. */
    public record Present(String user, String displayName, Activity activity, Instant since) {
    }

    private static final Set<String> STAFF_ROLES = Roles.ALL.stream().filter(role -> !role.equals(Roles.REQUESTER))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private record Tab(String user, String session) {
    }

    private record Entry(String displayName, Activity activity, Instant since, Instant latest) {
    }

    private final Duration expiry;
    private final Map<RecordRef, Map<Tab, Entry>> records = new HashMap<>();

    public PresenceBoard(Duration expiry) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry must be positive");
        }
        this.expiry = expiry;
    }

    /** Whether a caller with these realm roles may show presence and see who is on a record. */
    public static boolean mayTakePart(Set<String> roles) {
        return roles.stream().anyMatch(STAFF_ROLES::contains);
    }

    /** Applies a heartbeat; returns whether what others see of the record changed. */
    public synchronized boolean beat(Heartbeat heartbeat, Instant now) {
        if (expired(heartbeat.at(), now)) {
            return false;
        }
        List<Present> before = everyone(heartbeat.record(), now);
        Map<Tab, Entry> tabs = records.computeIfAbsent(heartbeat.record(), record -> new LinkedHashMap<>());
        Tab tab = new Tab(heartbeat.user(), heartbeat.session());
        Entry current = tabs.get(tab);
        if (current != null && !expired(current.latest(), now) && current.latest().isAfter(heartbeat.at())) {
            return false;
        }
        Instant since = current == null || expired(current.latest(), now) ? heartbeat.at() : current.since();
        tabs.put(tab, new Entry(heartbeat.displayName(), heartbeat.activity(), since, heartbeat.at()));
        return !before.equals(everyone(heartbeat.record(), now));
    }

    /** A tab leaves the record; returns whether what others see of the record changed. */
    public synchronized boolean leave(RecordRef record, String user, String session, Instant now) {
        Map<Tab, Entry> tabs = records.get(record);
        if (tabs == null) {
            return false;
        }
        List<Present> before = everyone(record, now);
        tabs.remove(new Tab(user, session));
        if (tabs.isEmpty()) {
            records.remove(record);
        }
        return !before.equals(everyone(record, now));
    }

    /** The users on the record now, the asking user left out, earliest first. */
    public synchronized List<Present> present(RecordRef record, String askingUser, Instant now) {
        return everyone(record, now).stream().filter(present -> !present.user().equals(askingUser)).toList();
    }

    /** Drops the expired entries; returns the records whose view changed, in a stable order. */
    public synchronized Set<RecordRef> expire(Instant now) {
        Set<RecordRef> changed = new TreeSet<>(Comparator.comparing(RecordRef::type).thenComparing(RecordRef::number));
        records.entrySet().removeIf(record -> {
            if (record.getValue().values().removeIf(entry -> expired(entry.latest(), now))) {
                changed.add(record.getKey());
            }
            return record.getValue().isEmpty();
        });
        return changed;
    }

    private List<Present> everyone(RecordRef record, Instant now) {
        Map<String, Present> users = new LinkedHashMap<>();
        Map<String, Instant> latest = new HashMap<>();
        for (Map.Entry<Tab, Entry> tab : records.getOrDefault(record, Map.of()).entrySet()) {
            Entry entry = tab.getValue();
            if (expired(entry.latest(), now)) {
                continue;
            }
            String user = tab.getKey().user();
            Present seen = users.get(user);
            if (seen == null) {
                users.put(user, new Present(user, entry.displayName(), entry.activity(), entry.since()));
                latest.put(user, entry.latest());
                continue;
            }
            Activity activity = seen.activity() == Activity.EDITING || entry.activity() == Activity.EDITING
                    ? Activity.EDITING
                    : Activity.VIEWING;
            Instant since = entry.since().isBefore(seen.since()) ? entry.since() : seen.since();
            String displayName = seen.displayName();
            if (entry.latest().isAfter(latest.get(user))) {
                displayName = entry.displayName();
                latest.put(user, entry.latest());
            }
            users.put(user, new Present(user, displayName, activity, since));
        }
        List<Present> all = new ArrayList<>(users.values());
        all.sort(Comparator.comparing(Present::since).thenComparing(Present::user));
        return all;
    }

    private boolean expired(Instant latest, Instant now) {
        return !latest.plus(expiry).isAfter(now);
    }
}
