package org.itsm.notification.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.events.EventTypes;
import org.itsm.events.incident.InboundMailOutcome;
import org.itsm.events.notification.InboundMailEvent;
import org.itsm.notification.config.InboundConfig;
import org.itsm.notification.directory.Account;
import org.itsm.notification.directory.Directory;
import org.itsm.notification.domain.DeskAddress;
import org.itsm.notification.domain.InboundMail;
import org.itsm.notification.domain.InboundMailRules;
import org.itsm.notification.domain.InboundMailRules.Decision;
import org.itsm.notification.domain.InboundStatus;
import org.itsm.notification.repository.InboundMailRepository;
import org.itsm.support.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The desk mailbox's use cases: record a mail once (by Message-ID), match recorded mail (sender from the
 * {@link Directory}, record and decision from {@link InboundMailRules}) and hand it to incident-service through the
 * outbox or keep it for review, take incident-service's answer, list the mail for agents.
 */
@ApplicationScoped
public class InboundMails {

    private static final Logger LOG = Logger.getLogger(InboundMails.class);

    private final InboundMailRepository mails;
    private final Directory directory;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final InboundConfig config;
    private final DeskAddress desk;

    public InboundMails(InboundMailRepository mails, Directory directory, OutboxWriter outbox, Clock clock,
            InboundConfig config) {
        this.mails = mails;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.desk = DeskAddress.of(config.deskAddress());
    }

    /** Records the mail unless its Message-ID is known; emits whether it was new. */
    public Uni<Boolean> record(ReceivedMail mail) {
        return Panache.withTransaction(() -> mails.recordOnce(mail.messageId(), mail.senderAddress(),
                String.join("\n", mail.recipients()), mail.subject(), mail.text() == null ? "" : mail.text(),
                mail.receivedAt(), clock.instant()));
    }

    /** Matches the recorded mails not matched yet; emits how many were. A directory failure leaves a mail for later. */
    public Uni<Integer> processReceived() {
        return Panache.withSession(() -> mails.received(config.batchSize()))
                .flatMap(received -> Multi.createFrom().iterable(received)
                        .onItem().transformToUniAndConcatenate(mail -> process(mail.id, mail.senderAddress)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf("Inbound mail %s left for the next pass: %s", mail.messageId, failure);
                                    return false;
                                }))
                        .collect().asList()
                        .map(done -> (int) done.stream().filter(Boolean::booleanValue).count()));
    }

    private Uni<Boolean> process(UUID id, String senderAddress) {
        return directory.accountByEmail(senderAddress)
                .flatMap(account -> Panache.withTransaction(() -> mails.findById(id)
                        .flatMap(mail -> mail == null || mail.status != InboundStatus.RECEIVED
                                ? Uni.createFrom().item(false)
                                : decide(mail, account).replaceWith(true))));
    }

    private Uni<Void> decide(InboundMail mail, Optional<Account> account) {
        String text = InboundMailRules.ownText(mail.body);
        InboundMailRules.Match match = InboundMailRules.match(desk, recipients(mail), mail.subject);
        Decision decision = InboundMailRules.decide(account.map(Account::username), mail.senderAddress, match, text);
        String username = account.map(Account::username).orElse(null);
        if (decision instanceof Decision.Review review) {
            mail.keptForReview(username, review.reason(), clock.instant());
            LOG.infof("Inbound mail %s kept for review: %s", mail.messageId, review.reason());
            return Uni.createFrom().voidItem();
        }
        String number = ((Decision.Forward) decision).number();
        mail.forwarded(username, number, clock.instant());
        InboundMailEvent event = new InboundMailEvent(mail.id, mail.messageId, username, account.get().roles(), number,
                mail.subject, text, mail.receivedAt);
        // the CloudEvents subject: the record answered, else the Message-ID of the new mail
        return outbox.append(EventTypes.NOTIFICATION_MAIL_RECEIVED, mail.id, number == null ? mail.messageId : number,
                event);
    }

    private static List<String> recipients(InboundMail mail) {
        return mail.recipients == null || mail.recipients.isBlank() ? List.of()
                : Arrays.asList(mail.recipients.split("\n"));
    }

    /** incident-service's answer about a forwarded mail (inside the consumer's transaction). */
    public Uni<Void> onOutcome(InboundMailOutcome outcome) {
        return mails.findById(outcome.mailId()).invoke(mail -> {
            if (mail == null) {
                LOG.warnf("Outcome for an unknown inbound mail %s ignored", outcome.mailId());
                return;
            }
            switch (outcome.outcome()) {
                case InboundMailOutcome.COMMENTED -> mail.handled(InboundStatus.COMMENTED, outcome.number(), clock.instant());
                case InboundMailOutcome.OPENED -> mail.handled(InboundStatus.OPENED, outcome.number(), clock.instant());
                default -> mail.refused(outcome.number(), outcome.reason() == null ? "Refused by incident-service"
                        : outcome.reason(), clock.instant());
            }
        }).replaceWithVoid();
    }

    public Uni<List<InboundMail>> list(InboundStatus status) {
        return Panache.withSession(() -> mails.newest(status));
    }
}
