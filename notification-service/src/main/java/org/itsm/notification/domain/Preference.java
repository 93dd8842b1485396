package org.itsm.notification.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.itsm.support.persistence.JsonColumn;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A person's notification preferences: the kinds they turned off, the kinds they take in a daily digest rather than
 * immediately, and the language they chose. Without a row (or with nothing chosen) every kind is on and immediate,
 * and the language is the directory's.
 */
@Entity
@Table(name = "notification_preference")
public class Preference extends PanacheEntityBase {

    /** The disabled kinds as a JSON list of names. */
    public static class KindList extends JsonColumn<List<String>> {
        public KindList() {
            super(new TypeReference<>() {
            });
        }
    }

    @Id
    public String username;
    /** ko or en; null: the directory's locale. */
    public String language;
    @Column(name = "disabled_kinds")
    @Convert(converter = KindList.class)
    public List<String> disabledKinds = List.of();
    /** The kinds taken in the daily digest, as a JSON list of names. */
    @Column(name = "digest_kinds")
    @Convert(converter = KindList.class)
    public List<String> digestKinds = List.of();
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** Whether {@code preference} (null: none recorded) lets mail of {@code kind} through. */
    public static boolean wants(Preference preference, NotificationKind kind) {
        return preference == null || !preference.disabledKinds.contains(kind.name());
    }

    /** Whether {@code preference} (null: none recorded) takes mail of {@code kind} in the daily digest. */
    public static boolean daily(Preference preference, NotificationKind kind) {
        return preference != null && preference.digestKinds.contains(kind.name());
    }

    /** The language of the mail: the person's choice, else the directory's. */
    public static String languageOf(Preference preference, String directoryLanguage) {
        return preference != null && preference.language != null ? preference.language : directoryLanguage;
    }

    /** Every kind with whether it is on. */
    public Map<NotificationKind, Boolean> kinds() {
        Map<NotificationKind, Boolean> kinds = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.selectable()) {
            kinds.put(kind, wants(this, kind));
        }
        return kinds;
    }

    /** Every kind with whether it is sent immediately or in the daily digest. */
    public Map<NotificationKind, DeliveryMode> modes() {
        Map<NotificationKind, DeliveryMode> modes = new LinkedHashMap<>();
        for (NotificationKind kind : NotificationKind.selectable()) {
            modes.put(kind, daily(this, kind) ? DeliveryMode.DAILY : DeliveryMode.IMMEDIATE);
        }
        return modes;
    }

    /** Sets the named kinds to immediate or daily; kinds not named keep their mode. */
    public void chooseModes(Map<NotificationKind, DeliveryMode> choices) {
        Set<NotificationKind> digest = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.selectable()) {
            DeliveryMode mode = choices.containsKey(kind) ? choices.get(kind)
                    : daily(this, kind) ? DeliveryMode.DAILY : DeliveryMode.IMMEDIATE;
            if (mode == DeliveryMode.DAILY) {
                digest.add(kind);
            }
        }
        digestKinds = digest.stream().map(Enum::name).toList();
    }

    /** Switches the named kinds on or off; kinds not named keep their setting. */
    public void switchKinds(Map<NotificationKind, Boolean> switches) {
        Set<NotificationKind> disabled = EnumSet.noneOf(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.selectable()) {
            boolean on = switches.containsKey(kind) ? switches.get(kind) : wants(this, kind);
            if (!on) {
                disabled.add(kind);
            }
        }
        disabledKinds = disabled.stream().map(Enum::name).toList();
    }
}
