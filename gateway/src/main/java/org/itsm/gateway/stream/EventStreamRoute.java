package org.itsm.gateway.stream;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.gateway.config.GatewayConfig;
import org.itsm.gateway.presence.Presence;
import org.itsm.gateway.presence.PresenceBoard;
import org.itsm.gateway.presence.PresenceRoute;
import org.itsm.gateway.problem.Problem;
import org.itsm.gateway.stream.EventAudience.Viewer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/stream}: the platform's events the caller may see, as Server-Sent Events. Each event is a
 * CloudEvent in JSON; its {@code id} is the {@link StreamPosition} after it, so a client that reconnects with
 * {@code Last-Event-ID} (as EventSource does) gets what it missed. When the gateway no longer holds all of that, the
 * client gets a {@code stream-reset} event and should reload what it shows. A comment line every heartbeat interval
 * keeps the connection open through proxies; a client that cannot keep up is disconnected and resumes.
 */
@ApplicationScoped
public class EventStreamRoute {

    public static final String PATH = "/api/v1/stream";

    static final String RESET_EVENT = "stream-reset";

    /** Someone arrived on, left, or started or stopped editing a record; data as {@code GET /api/v1/presence/...}. */
    static final String PRESENCE_EVENT = "presence";

    private static final String RETRY_MILLIS = "3000";

    private final RecentEvents recentEvents;
    private final long heartbeatMillis;

    private final Presence presence;

    public EventStreamRoute(EventRelay relay, Presence presence, GatewayConfig config, MeterRegistry registry) {
        this.recentEvents = relay.recentEvents();
        this.presence = presence;
        this.heartbeatMillis = config.stream().heartbeat().toMillis();
        Gauge.builder("itsm.gateway.stream.subscribers", recentEvents, RecentEvents::subscriberCount)
                .description("Clients connected to the live event stream").register(registry);
    }

    /** Route handler, after authentication and the rate limit. */
    public void handle(RoutingContext rc) {
        Viewer viewer = viewer(((QuarkusHttpUser) rc.user()).getSecurityIdentity());
        if (!EventAudience.mayWatch(viewer)) {
            Problem.forbidden("No role of the caller shows platform events").send(rc);
            return;
        }
        Optional<String> lastEventId = Optional.ofNullable(rc.request().getHeader("Last-Event-ID"));
        Optional<StreamPosition> from = lastEventId.flatMap(StreamPosition::parse);

        HttpServerResponse response = rc.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // Tells buffering reverse proxies (nginx) in front of the gateway to pass events at once.
                .putHeader("X-Accel-Buffering", "no");
        Context context = Vertx.currentContext();
        AtomicBoolean open = new AtomicBoolean(true);

        RecentEvents.Subscription subscription = recentEvents.subscribe(from, event -> {
            if (EventAudience.sees(viewer, event)) {
                context.runOnContext(v -> send(response, open, event));
            }
        });
        // Presence changes carry no id: they are not platform events and do not move the client's Last-Event-ID.
        Runnable presenceSubscription = PresenceBoard.mayTakePart(viewer.roles())
                ? presence.subscribe(record -> context.runOnContext(v -> write(response, open, "event: " + PRESENCE_EVENT
                        + "\ndata: " + PresenceRoute.toJson(record, presence.present(record, viewer.username())).encode()
                        + "\n\n")))
                : () -> {
                };
        long heartbeat = context.owner().setPeriodic(heartbeatMillis, id -> write(response, open, ": heartbeat\n\n"));
        Runnable close = () -> {
            if (open.getAndSet(false)) {
                subscription.cancel().run();
                presenceSubscription.run();
                context.owner().cancelTimer(heartbeat);
            }
        };
        response.closeHandler(v -> close.run());
        response.exceptionHandler(failure -> close.run());

        // Queued live events run on this context after this handler: they follow the replay.
        StringBuilder start = new StringBuilder("retry: " + RETRY_MILLIS + "\n\n");
        if (subscription.missedEvents() || lastEventId.isPresent() && from.isEmpty()) {
            start.append("event: " + RESET_EVENT + "\ndata: {\"reason\":\"events since Last-Event-ID are no longer held\"}\n\n");
        }
        response.write(start.toString());
        for (PlatformEvent event : subscription.replay()) {
            if (EventAudience.sees(viewer, event)) {
                send(response, open, event);
            }
        }
        // An id without data moves the client's Last-Event-ID without an event: past what it was not shown.
        StreamPosition position = from.map(subscription.head()::max).orElse(subscription.head());
        if (!position.offsets().isEmpty()) {
            write(response, open, "id: " + position.encode() + "\n\n");
        }
    }

    private static void send(HttpServerResponse response, AtomicBoolean open, PlatformEvent event) {
        write(response, open, "id: " + event.streamId() + "\ndata: " + event.toJson() + "\n\n");
    }

    private static void write(HttpServerResponse response, AtomicBoolean open, String frame) {
        if (!open.get()) {
            return;
        }
        if (response.writeQueueFull()) {
            // A client this far behind is better off reconnecting and resuming from its Last-Event-ID.
            response.reset();
            return;
        }
        response.write(frame);
    }

    private static Viewer viewer(SecurityIdentity identity) {
        return new Viewer(identity.getPrincipal().getName(), identity.getRoles());
    }
}
