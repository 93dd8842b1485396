package org.itsm.incident.service;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.incident.InboundMailOutcome;
import org.itsm.events.notification.InboundMailEvent;
import org.itsm.incident.domain.IncidentMail;
import org.itsm.incident.repository.IncidentRepository;
import org.itsm.incident.service.IncidentCommands.LogIncident;
import org.itsm.support.outbox.OutboxWriter;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Mail to the service desk, as notification-service hands it over: a reply becomes the sender's public comment (and
 * the caller's reply resumes an incident awaiting them, by {@link HoldsAndComments}), a new mail opens an incident
 * for the sender ({@link IncidentRegistration}); {@link IncidentMail} decides what is accepted. The outcome —
 * commented, opened or refused with the reason — is published ({@code mail-handled}) in the same transaction, so the
 * desk mailbox learns what became of every mail.
 */
@ApplicationScoped
public class MailToIncidents {

    private final IncidentRepository incidents;
    private final HoldsAndComments holdsAndComments;
    private final IncidentRegistration registration;
    private final OutboxWriter outbox;
    private final Clock clock;

    public MailToIncidents(IncidentRepository incidents, HoldsAndComments holdsAndComments,
            IncidentRegistration registration, OutboxWriter outbox, Clock clock) {
        this.incidents = incidents;
        this.holdsAndComments = holdsAndComments;
        this.registration = registration;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Void> handle(InboundMailEvent mail) {
        // mail carries the sender's roles but not their assignment groups: no mail rule reads groups
        Actor actor = new Actor(mail.sender(), mail.senderRoles() == null ? Set.of() : Set.copyOf(mail.senderRoles()),
                Set.of());
        Uni<InboundMailOutcome> outcome = mail.recordNumber() == null ? open(mail, actor) : reply(mail, actor);
        return outcome.flatMap(done -> outbox.append(EventTypes.INCIDENT_MAIL_HANDLED,
                done.incidentId() != null ? done.incidentId() : mail.mailId(),
                done.number() != null ? done.number() : mail.mailId().toString(), done));
    }

    private Uni<InboundMailOutcome> reply(InboundMailEvent mail, Actor actor) {
        String number = mail.recordNumber();
        return incidents.findByNumber(number).flatMap(incident -> {
            if (incident == null) {
                return Uni.createFrom().item(refused(mail, null, number, "No incident " + number));
            }
            Optional<String> refusal = IncidentMail.refusalOfReply(number, incident.state, actor.roles(),
                    actor.isCaller(incident.caller));
            if (refusal.isPresent()) {
                return Uni.createFrom().item(refused(mail, incident.id, number, refusal.get()));
            }
            return holdsAndComments.comment(incident.id, IncidentMail.text(mail.text()), false, actor)
                    .map(comment -> new InboundMailOutcome(mail.mailId(), InboundMailOutcome.COMMENTED, incident.id,
                            number, null, clock.instant()));
        });
    }

    private Uni<InboundMailOutcome> open(InboundMailEvent mail, Actor actor) {
        Optional<String> refusal = IncidentMail.refusalOfNew(actor.roles());
        if (refusal.isPresent()) {
            return Uni.createFrom().item(refused(mail, null, null, refusal.get()));
        }
        LogIncident command = new LogIncident(IncidentMail.shortDescription(mail.subject()),
                IncidentMail.text(mail.text()), IncidentMail.IMPACT, IncidentMail.URGENCY, null, null, null, null,
                null, null, null, null, false);
        // the mail's id as idempotency key: the same mail never opens two incidents
        return registration.create(command, actor, "mail-" + mail.mailId())
                .map(created -> new InboundMailOutcome(mail.mailId(), InboundMailOutcome.OPENED,
                        created.incident().id, created.incident().number, null, clock.instant()));
    }

    private InboundMailOutcome refused(InboundMailEvent mail, UUID incidentId, String number, String reason) {
        return new InboundMailOutcome(mail.mailId(), InboundMailOutcome.REFUSED, incidentId, number, reason,
                clock.instant());
    }
}
