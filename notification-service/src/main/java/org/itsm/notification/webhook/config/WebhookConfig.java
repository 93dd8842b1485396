package org.itsm.notification.webhook.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook settings, {@code itsm.notification.webhooks.*}. */
@ConfigMapping(prefix = "itsm.notification.webhooks")
public interface WebhookConfig {

    /**
     * Networks (CIDR blocks, e.g. {@code 127.0.0.0/8}) a target may resolve to although they are private, loopback,
     * link-local or multicast; none by default.
     */
    Optional<List<String>> allowedNetworks();

    Dispatch dispatch();

    Retry retry();

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

        /** How many of them are posted at the same time. */
        @WithDefault("4")
        int concurrency();

        /** How long connecting to a target may take. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a whole attempt (connect, send, answer) may take. */
        @WithDefault("15s")
        Duration requestTimeout();

        /** The most of a target's answer that is read; the connection is closed beyond it. */
        @WithDefault("65536")
        int maxResponseBytes();
    }

    interface Retry {
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("4h")
        Duration maxBackoff();

        @WithDefault("12")
        int maxAttempts();

        /** Spread of each wait, as a fraction (0.2: ±20 %). */
        @WithDefault("0.2")
        double jitter();
    }
}
