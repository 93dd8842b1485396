package org.itsm.notification.service;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.DeliveryMode;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.domain.Preference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Each person's own notification preferences: read by the dispatcher, read and changed by their owner. */
@ApplicationScoped
public class Preferences {

    private final Clock clock;

    public Preferences(Clock clock) {
        this.clock = clock;
    }

    /** The person's recorded preferences; null when they never chose anything (all on, directory language). */
    public Uni<Preference> of(String username) {
        return Panache.withSession(() -> Preference.<Preference>findById(username));
    }

    /** The preferences to show: the recorded ones, or the defaults (not stored). */
    @WithSession
    public Uni<Preference> show(String username) {
        return Preference.<Preference>findById(username).map(found -> found != null ? found : defaults(username));
    }

    /**
     * Sets the language (null: the directory's), switches the named kinds on or off and sets the named kinds'
     * delivery mode; others keep their setting.
     */
    @WithTransaction
    public Uni<Preference> change(String username, String language, Map<NotificationKind, Boolean> switches,
            Map<NotificationKind, DeliveryMode> modes) {
        return Preference.<Preference>findById(username).flatMap(found -> {
            Preference preference = found != null ? found : defaults(username);
            preference.language = language;
            preference.switchKinds(switches);
            preference.chooseModes(modes);
            preference.updatedAt = clock.instant();
            return found != null ? Uni.createFrom().item(preference) : preference.<Preference>persist();
        });
    }

    private static Preference defaults(String username) {
        Preference preference = new Preference();
        preference.username = username;
        return preference;
    }
}
