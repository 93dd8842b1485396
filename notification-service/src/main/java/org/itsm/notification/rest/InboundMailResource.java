package org.itsm.notification.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.itsm.notification.domain.InboundMail;
import org.itsm.notification.domain.InboundStatus;
import org.itsm.notification.service.InboundMails;
import org.itsm.support.rest.ApiProblem;

import io.smallrye.mutiny.Uni;

/** Mail read from the service desk's mailbox and what became of it; agents work the mail kept for review. */
@Path("/api/v1/inbound-mail")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbound mail")
@SecurityRequirement(name = "keycloak")
public class InboundMailResource {

    /** One mail: who sent it (address, and the user it belongs to when known), what, when, and where it stands. */
    public record InboundMailView(UUID id, String messageId, String from, String sender, String subject, String text,
            Instant receivedAt, InboundStatus status, String reason, String record) {

        static InboundMailView of(InboundMail mail) {
            return new InboundMailView(mail.id, mail.messageId, mail.senderAddress, mail.sender, mail.subject,
                    mail.body, mail.receivedAt, mail.status, mail.reason, mail.recordNumber);
        }
    }

    private final InboundMails mails;

    public InboundMailResource(InboundMails mails) {
        this.mails = mails;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.PROBLEM_MANAGER, Roles.CHANGE_MANAGER, Roles.ADMIN })
    @Operation(summary = "Mail read from the service desk's mailbox, newest first (at most 200)")
    public Uni<List<InboundMailView>> list(
            @Parameter(description = "Only mail in this status; REVIEW lists what awaits an agent")
            @QueryParam("status") String status) {
        return mails.list(parse(status)).map(found -> found.stream().map(InboundMailView::of).toList());
    }

    private static InboundStatus parse(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return InboundStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "must be one of " + Arrays.stream(InboundStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
