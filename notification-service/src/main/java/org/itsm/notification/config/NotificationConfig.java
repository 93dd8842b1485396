package org.itsm.notification.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, {@code itsm.notification.*}. */
@ConfigMapping(prefix = "itsm.notification")
public interface NotificationConfig {

    /** The console's origin; mails link to the record there. */
    @WithDefault("http://localhost:3000")
    String consoleUrl();

    /** The language of a recipient who has none in the directory: ko or en. */
    @WithDefault("en")
    String defaultLanguage();

    Dispatch dispatch();

    Retry retry();

    DirectoryConfig directory();

    Audiences audiences();

    Digest digest();

    interface Audiences {
        /** The Keycloak group told when a major incident is declared; empty: nobody. */
        @WithDefault("major-incident")
        Optional<String> majorIncidentGroup();
    }

    interface Digest {
        /** The local hour (0-23) from which each person's daily digest is sent. */
        @WithDefault("8")
        int hour();

        /** The platform's time zone: the digest hour's zone for a person whose account names none. */
        @WithDefault("UTC")
        ZoneId timeZone();

        /** How often the digest queue is looked at. */
        @WithDefault("1m")
        Duration interval();
    }

    interface Dispatch {
        /** How often due deliveries are looked for (read by the dispatcher's schedule). */
        @WithDefault("2s")
        Duration interval();

        /** The wait after start-up before the first run. */
        @WithDefault("3s")
        Duration initialDelay();

        /** How many due deliveries one run claims. */
        @WithDefault("20")
        int batchSize();

        /** How long one SMTP send may take before it counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Retry {
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        @WithDefault("12")
        int maxAttempts();
    }

    interface DirectoryConfig {
        /** Keycloak's base URL (without /realms/...). */
        @WithDefault("http://localhost:8180")
        String keycloakUrl();

        @WithDefault("itsm")
        String realm();

        /** The confidential client with the service account (realm-management view-users). */
        @WithDefault("itsm-notification")
        String clientId();

        Optional<String> clientSecret();

        /** How long a looked-up person is kept before Keycloak is asked again. */
        @WithDefault("10m")
        Duration cacheTtl();
    }
}
