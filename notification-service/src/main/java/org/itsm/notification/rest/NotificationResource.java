package org.itsm.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.itsm.events.api.Roles;
import org.itsm.notification.domain.Delivery;
import org.itsm.notification.domain.DeliveryStatus;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.service.DeliveryLog;
import org.itsm.support.rest.ApiProblem;

import io.smallrye.mutiny.Uni;

/** The delivery log: which mails a record caused, to whom, in which language, and how their delivery went. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "keycloak")
public class NotificationResource {

    /**
     * A record's human number: three letters and seven digits (INC0001001, CHG…, PRB…, REQ…), or a day's digests
     * (DIGEST-2026-12-08).
     */
    static final Pattern RECORD_NUMBER = Pattern.compile("[A-Z]{3}\\d{7}|DIGEST-\\d{4}-\\d{2}-\\d{2}");

    /**
     * One delivery as the log shows it; the address is the one it was sent to (absent until sent); {@code digest} is
     * the id of the daily digest's delivery that took it (DIGESTED), else absent.
     */
    public record DeliveryView(UUID id, String record, String recipient, NotificationKind kind, String eventType,
            UUID eventId, DeliveryStatus status, int attempts, String lastError, Instant nextAttemptAt, String email,
            String language, Instant createdAt, Instant sentAt, UUID digest) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id, delivery.recordNumber, delivery.recipient, delivery.kind,
                    delivery.eventType, delivery.eventId, delivery.status, delivery.attempts, delivery.lastError,
                    delivery.status == DeliveryStatus.PENDING ? delivery.nextAttemptAt : null, delivery.email,
                    delivery.language, delivery.createdAt, delivery.sentAt, delivery.digestId);
        }
    }

    private final DeliveryLog log;

    public NotificationResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.CATALOG_MANAGER, Roles.ADMIN })
    @Operation(summary = "The notifications a record caused, with each delivery's status and attempts")
    public Uni<List<DeliveryView>> ofRecord(
            @Parameter(description = "The record's number, e.g. INC0001001, or DIGEST-2026-12-08 for a day's digests",
                    required = true)
            @QueryParam("record") String record) {
        if (record == null || record.isBlank()) {
            throw ApiProblem.invalidField("record", "is required: the record's number, e.g. INC0001001");
        }
        if (!RECORD_NUMBER.matcher(record).matches()) {
            throw ApiProblem.invalidField("record", "must be a record number like INC0001001");
        }
        return log.ofRecord(record).map(found -> found.stream().map(DeliveryView::of).toList());
    }
}
