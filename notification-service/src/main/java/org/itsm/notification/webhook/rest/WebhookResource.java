package org.itsm.notification.webhook.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.notification.webhook.domain.WebhookDelivery;
import org.itsm.notification.webhook.domain.WebhookDeliveryStatus;
import org.itsm.notification.webhook.domain.WebhookSubscription;
import org.itsm.notification.webhook.service.WebhookDeliveries;
import org.itsm.notification.webhook.service.WebhookSubscriptions;
import org.itsm.support.rest.ApiProblem;
import org.itsm.support.rest.ETags;
import org.itsm.support.rest.PageRequest;
import org.itsm.support.rest.QueryParams;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Integrators' webhook subscriptions (administrators only): the platform's events, filtered by type, posted signed
 * to a URL. The signing secret is shown once, in the answer that created it.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "keycloak")
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    /**
     * A new subscription. {@code eventTypes}: exact types ({@code itsm.incident.created.v1}) or prefixes ending in *
     * ({@code incident.*}; * for every event). {@code secret}: whsec_ + base64 of 24 to 64 bytes; generated when absent.
     */
    public record NewWebhook(String url, List<String> eventTypes, String secret, String description, Boolean active) {
    }

    /** A change: each field given replaces the current value; {@code active: true} also clears a failing mark. */
    public record WebhookChange(String url, List<String> eventTypes, String secret, String description,
            Boolean active) {
    }

    /** A subscription as listed; the secret is never shown again after creation. */
    public record WebhookView(UUID id, String url, List<String> eventTypes, String description, boolean active,
            boolean failing, Instant failingSince, String failureReason, String createdBy, Instant createdAt,
            Instant updatedAt) {

        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(subscription.id, subscription.url, subscription.eventTypes,
                    subscription.description, subscription.active, subscription.failingSince != null,
                    subscription.failingSince, subscription.failureReason, subscription.createdBy,
                    subscription.createdAt, subscription.updatedAt);
        }
    }

    /** The answer to a creation: the subscription and, this once, its signing secret. */
    public record CreatedWebhook(UUID id, String url, List<String> eventTypes, String description, boolean active,
            String secret, String createdBy, Instant createdAt) {

        static CreatedWebhook of(WebhookSubscription subscription) {
            return new CreatedWebhook(subscription.id, subscription.url, subscription.eventTypes,
                    subscription.description, subscription.active, subscription.secret, subscription.createdBy,
                    subscription.createdAt);
        }
    }

    /** One attempt of a delivery: when, the target's status code (null: no answer), how long, what went wrong. */
    public record AttemptView(Instant at, Integer statusCode, long durationMs, String error) {
    }

    /** One delivery of the log; {@code nextAttemptAt} only while it is pending. */
    public record DeliveryView(UUID id, UUID eventId, String eventType, String subject, WebhookDeliveryStatus status,
            Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, List<AttemptView> attempts) {

        static DeliveryView of(WebhookDeliveries.LoggedDelivery logged) {
            WebhookDelivery delivery = logged.delivery();
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.eventSubject,
                    delivery.status, delivery.status == WebhookDeliveryStatus.PENDING ? delivery.nextAttemptAt : null,
                    delivery.createdAt, delivery.deliveredAt, logged.attempts().stream().map(attempt -> new AttemptView(
                            attempt.attemptedAt, attempt.statusCode, attempt.durationMs, attempt.error)).toList());
        }
    }

    /** One page of a delivery log, newest delivery first. */
    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    @Inject
    SecurityIdentity identity;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    public WebhookResource(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @POST
    @Operation(summary = "Subscribe a URL to the platform's events (the signing secret is shown in this answer only)")
    @APIResponse(responseCode = "201", description = "The subscription with its secret (Location, ETag)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedWebhook.class)))
    public Uni<Response> create(NewWebhook request) {
        if (request == null) {
            throw ApiProblem.badRequest("A body is required: {\"url\": \"https://…\", \"eventTypes\": [\"incident.*\"]}");
        }
        return subscriptions.create(new WebhookSubscriptions.NewSubscription(request.url(), request.eventTypes(),
                request.secret(), request.description(), request.active()), identity.getPrincipal().getName())
                .map(created -> Response.created(URI.create("/api/v1/webhooks/" + created.id))
                        .tag(ETags.entityTag(created.version)).entity(CreatedWebhook.of(created)).build());
    }

    @GET
    @Operation(summary = "Webhook subscriptions, oldest first (without their secrets)")
    @APIResponse(responseCode = "200", description = "The subscriptions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class,
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Uni<List<WebhookView>> list() {
        return subscriptions.list().map(found -> found.stream().map(WebhookView::of).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One webhook subscription, with its ETag")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return subscriptions.get(id).map(WebhookResource::withETag);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a subscription (URL, event types, secret, description, active); If-Match refuses stale changes (412)")
    @APIResponse(responseCode = "200", description = "The subscription as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            WebhookChange change) {
        if (change == null) {
            throw ApiProblem.badRequest("A body is required, e.g. {\"active\": true}");
        }
        return subscriptions.change(id, ifMatch, new WebhookSubscriptions.SubscriptionChange(change.url(),
                change.eventTypes(), change.secret(), change.description(), change.active()))
                .map(WebhookResource::withETag);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription and its delivery log; If-Match refuses a stale removal (412)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return subscriptions.delete(id, ifMatch).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "A subscription's delivery log, newest first: each delivery with every attempt (status code, duration, error)")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class)))
    public Uni<DeliveryPage> deliveries(@PathParam("id") UUID id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size),
                null, Map.of("createdAt", "createdAt"), "-createdAt");
        return deliveries.log(id, request).map(log -> new DeliveryPage(log.items().stream().map(DeliveryView::of)
                .toList(), log.page(), log.size(), log.total()));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a delivery again now, with a fresh retry schedule (the subscription must be active)")
    @APIResponse(responseCode = "202", description = "The delivery, pending again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    public Uni<Response> replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return deliveries.replay(id, deliveryId)
                .map(logged -> Response.accepted().entity(DeliveryView.of(logged)).build());
    }

    private static Response withETag(WebhookSubscription subscription) {
        return Response.ok().tag(ETags.entityTag(subscription.version)).entity(WebhookView.of(subscription)).build();
    }
}
