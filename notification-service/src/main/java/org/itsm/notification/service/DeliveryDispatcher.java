package org.itsm.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.config.InboundConfig;
import org.itsm.notification.config.NotificationConfig;
import org.itsm.notification.directory.Directory;
import org.itsm.notification.directory.Person;
import org.itsm.notification.domain.Audience;
import org.itsm.notification.domain.Delivery;
import org.itsm.notification.domain.DeskAddress;
import org.itsm.notification.domain.NotificationKind;
import org.itsm.notification.domain.Preference;
import org.itsm.notification.domain.RetryPolicy;
import org.itsm.notification.repository.DeliveryRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends due deliveries. One run claims a batch ({@code FOR UPDATE SKIP LOCKED}, so replicas share the work) and
 * leases it by moving its next attempt past the send timeout, commits, then for each: an {@link Audience}'s delivery
 * asks the {@link Directory} for the members and plans one delivery per member but the excluded (EXPANDED; no such
 * group or role: UNDELIVERABLE); a person's looks the recipient up in the {@link Directory} (unless their
 * {@link Preferences} turned the kind off: SUPPRESSED, or take it in the daily digest: QUEUED), renders the mail in
 * their language (their chosen one, else the directory's) and sends it over SMTP; a daily digest lists the
 * deliveries it took. The outcome (sent, retry later with backoff, given up, undeliverable) is recorded in its own
 * transaction. A crash between send and record leaves the row due again after the lease: a mail may then be sent
 * twice, never lost.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    /** What a claimed delivery needs outside its transaction. */
    record Claimed(UUID id, String recipient, NotificationKind kind, UUID recordId, String facts) {
    }

    private sealed interface Outcome {
        record Sent(String email, String language) implements Outcome {
        }

        record Failed(String error) implements Outcome {
        }

        record Undeliverable(String reason) implements Outcome {
        }

        record Suppressed() implements Outcome {
        }

        record Queued() implements Outcome {
        }

        record Expanded(List<String> members) implements Outcome {
        }
    }

    private final DeliveryRepository deliveries;
    private final Preferences preferences;
    private final Directory directory;
    private final MailTemplates templates;
    private final ReactiveMailer mailer;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final NotificationConfig config;
    private final RetryPolicy retryPolicy;
    private final DeskAddress desk;
    private final MentionAudience mentionAudience;

    public DeliveryDispatcher(DeliveryRepository deliveries, Preferences preferences, Directory directory, MailTemplates templates,
            ReactiveMailer mailer, ObjectMapper objectMapper, Clock clock, NotificationConfig config,
            InboundConfig inbound, MentionAudience mentionAudience) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.directory = directory;
        this.templates = templates;
        this.mailer = mailer;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.config = config;
        this.retryPolicy = new RetryPolicy(config.retry().initialBackoff(), config.retry().maxBackoff(),
                config.retry().maxAttempts());
        this.desk = DeskAddress.of(inbound.deskAddress());
        this.mentionAudience = mentionAudience;
    }

    @Scheduled(every = "${itsm.notification.dispatch.interval:2s}", delayed = "${itsm.notification.dispatch.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        return dispatchOnce()
                .onFailure().invoke(failure -> LOG.warnf("Notification dispatch run failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run: emits how many deliveries were attempted. */
    public Uni<Integer> dispatchOnce() {
        return claim().flatMap(claimed -> Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(this::attempt)
                .collect().asList()
                .map(List::size));
    }

    private Uni<List<Claimed>> claim() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.dispatch().sendTimeout().multipliedBy(2)).plus(Duration.ofSeconds(5));
        return Panache.withTransaction(() -> deliveries.claimDue(now, config.dispatch().batchSize())
                .map(due -> due.stream().map(delivery -> {
                    delivery.nextAttemptAt = lease;
                    return new Claimed(delivery.id, delivery.recipient, delivery.kind, delivery.recordId,
                            delivery.facts);
                }).toList()));
    }

    private Uni<Void> attempt(Claimed claimed) {
        Optional<Audience> audience = Audience.of(claimed.recipient());
        Uni<Outcome> outcome = audience.isPresent() ? expand(claimed, audience.get()) : deliver(claimed);
        return outcome
                .onFailure().recoverWithItem(failure -> new Outcome.Failed(describe(failure)))
                .flatMap(result -> record(claimed.id(), result));
    }

    private Uni<Outcome> expand(Claimed claimed, Audience audience) {
        List<String> excluded = List.of(facts(claimed.facts()).getOrDefault(DeliveryPlanner.EXCLUDED, "").split(","));
        return directory.members(audience).map(members -> members.isEmpty()
                ? new Outcome.Undeliverable("No " + audience.type().name().toLowerCase(Locale.ROOT) + " "
                        + audience.name() + " in the directory")
                : new Outcome.Expanded(members.get().stream().filter(member -> !excluded.contains(member))
                        .distinct().toList()));
    }

    private Uni<Outcome> deliver(Claimed claimed) {
        boolean digest = claimed.kind() == NotificationKind.DAILY_DIGEST;
        return preferences.of(claimed.recipient())
                .flatMap(preference -> !digest && !Preference.wants(preference, claimed.kind())
                        ? Uni.createFrom().<Outcome>item(new Outcome.Suppressed())
                        : !digest && Preference.daily(preference, claimed.kind())
                        ? Uni.createFrom().<Outcome>item(new Outcome.Queued())
                        : directory.find(claimed.recipient()).flatMap(person -> person.isEmpty()
                                ? Uni.createFrom().<Outcome>item(new Outcome.Undeliverable(
                                        "No user " + claimed.recipient() + " in the directory"))
                                // a mention goes only to someone who may see what mentions them
                                : mentionAudience.refusal(claimed.kind(), claimed.recipient(), facts(claimed.facts()))
                                        .flatMap(refusal -> refusal.isPresent()
                                                ? Uni.createFrom().<Outcome>item(new Outcome.Undeliverable(refusal.get()))
                                                : send(claimed, person.get(), Preference.languageOf(preference,
                                                        person.get().language())))));
    }

    private Uni<Outcome> send(Claimed claimed, Person person, String language) {
        if (!person.reachable()) {
            return Uni.createFrom().item(new Outcome.Undeliverable(
                    "No email address for " + claimed.recipient() + " in the directory"));
        }
        Map<String, String> facts = facts(claimed.facts());
        Uni<MailTemplates.RenderedMail> rendering = claimed.kind() == NotificationKind.DAILY_DIGEST
                ? Panache.withSession(() -> deliveries.ofDigest(claimed.id())).map(entries -> templates.digest(
                        language, person.username(), facts.getOrDefault("date", ""), entries.stream()
                                .map(entry -> templates.line(entry.kind, language, person.username(),
                                        entry.recordId == null ? null : entry.recordId.toString(), facts(entry.facts)))
                                .toList()))
                : Uni.createFrom().item(() -> templates.render(claimed.kind(), language, person.username(),
                        claimed.recordId() == null ? null : claimed.recordId().toString(), facts));
        return rendering.flatMap(rendered -> mailer.send(Mail.withText(person.email(), rendered.subject(),
                rendered.text())
                .setHtml(rendered.html())
                // a reply names the record: the desk's plus-address (and the subject keeps [INC…])
                .setReplyTo(desk.replyTo(facts.get("number")))
                .addHeader("X-ITSM-Record", facts.getOrDefault("number", ""))
                .addHeader("X-ITSM-Notification", claimed.kind().name())))
                .ifNoItem().after(config.dispatch().sendTimeout()).fail()
                .map(ignored -> (Outcome) new Outcome.Sent(person.email(), language));
    }

    private Uni<Void> record(UUID id, Outcome outcome) {
        return Panache.withTransaction(() -> deliveries.findById(id).flatMap(delivery -> {
            Instant now = clock.instant();
            if (outcome instanceof Outcome.Expanded expanded) {
                delivery.expanded(expanded.members().size());
                return Multi.createFrom().iterable(expanded.members())
                        .onItem().transformToUniAndConcatenate(member -> deliveries.planOnce(delivery.eventId,
                                delivery.eventType, delivery.recordId, delivery.recordNumber, member, delivery.kind,
                                delivery.facts, now))
                        .collect().asList()
                        .replaceWithVoid();
            }
            if (outcome instanceof Outcome.Queued) {
                delivery.queued();
            } else if (outcome instanceof Outcome.Sent sent) {
                delivery.sent(sent.email(), sent.language(), now);
            } else if (outcome instanceof Outcome.Suppressed) {
                delivery.suppressed();
            } else if (outcome instanceof Outcome.Undeliverable undeliverable) {
                delivery.undeliverable(undeliverable.reason());
            } else if (outcome instanceof Outcome.Failed failed) {
                delivery.failed(failed.error(), now, retryPolicy);
                LOG.infof("Notification %s to %s failed (attempt %d): %s", delivery.kind, delivery.recipient,
                        delivery.attempts, failed.error());
            }
            return Uni.createFrom().voidItem();
        }));
    }

    private Map<String, String> facts(String json) {
        try {
            return objectMapper.readValue(json, FACTS);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable delivery facts", e);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
