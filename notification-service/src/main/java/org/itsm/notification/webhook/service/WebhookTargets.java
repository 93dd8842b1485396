package org.itsm.notification.webhook.service;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.webhook.config.WebhookConfig;
import org.itsm.notification.webhook.domain.TargetPolicy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The {@link TargetPolicy} with the JVM's resolver, run off the event loop (resolution blocks) and back on the
 * caller's context. Subscriptions are checked when made and changed, and every attempt checks its target again.
 */
@ApplicationScoped
public class WebhookTargets {

    private final TargetPolicy policy;
    private final Vertx vertx;

    public WebhookTargets(WebhookConfig config, Vertx vertx) {
        this.policy = new TargetPolicy(config.allowedNetworks().orElse(List.of()));
        this.vertx = vertx;
    }

    /** The checked target; fails with {@link TargetPolicy.Refused} when the policy refuses it. */
    public Uni<TargetPolicy.Target> check(String url) {
        return vertx.executeBlocking(() -> policy.check(url, host -> List.of(InetAddress.getAllByName(host))), false);
    }
}
