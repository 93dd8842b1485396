package org.itsm.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.config.NotificationConfig;
import org.itsm.notification.directory.Directory;
import org.itsm.notification.directory.Person;
import org.itsm.notification.domain.DigestSchedule;
import org.itsm.notification.repository.DeliveryRepository;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Makes the daily digests. Every {@code itsm.notification.digest.interval}, for each person with QUEUED deliveries:
 * once {@code itsm.notification.digest.hour} has come in their time zone (the account's from the {@link Directory},
 * else the platform's {@code itsm.notification.digest.time-zone}) after their oldest queued delivery, their digest of
 * that local day is planned as one DAILY_DIGEST delivery (unique per person and day, {@link DigestSchedule}) that
 * takes what was queued before the hour; the dispatcher sends it like any other delivery. Later deliveries wait for
 * the next day's. A person the directory cannot be asked about now is tried again on the next run.
 */
@ApplicationScoped
public class DailyDigests {

    private static final Logger LOG = Logger.getLogger(DailyDigests.class);

    private final DeliveryRepository deliveries;
    private final Directory directory;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final NotificationConfig config;

    public DailyDigests(DeliveryRepository deliveries, Directory directory, ObjectMapper objectMapper, Clock clock,
            NotificationConfig config) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${itsm.notification.digest.interval:1m}", delayed = "${itsm.notification.dispatch.initial-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runOnce()
                .onFailure().invoke(failure -> LOG.warnf("Daily digest run failed: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run: emits how many queued deliveries went into digests. */
    public Uni<Integer> runOnce() {
        return Panache.withSession(deliveries::queuedRecipients)
                .flatMap(recipients -> Multi.createFrom().iterable(recipients)
                        .onItem().transformToUniAndConcatenate(queued -> digestOf(queued.recipient(),
                                queued.oldest()))
                        .collect().asList()
                        .map(taken -> taken.stream().mapToInt(Integer::intValue).sum()));
    }

    private Uni<Integer> digestOf(String recipient, Instant oldest) {
        return directory.find(recipient)
                .map(person -> person.map(Person::timeZone).orElse(null))
                .flatMap(zone -> {
                    Instant now = clock.instant();
                    Optional<DigestSchedule.Cutoff> due = DigestSchedule.due(now, zone == null
                            ? config.digest().timeZone() : zone, config.digest().hour(), oldest);
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    LocalDate date = due.get().date();
                    return Panache.withTransaction(() -> deliveries.planDigest(DigestSchedule.eventId(recipient, date),
                            DigestSchedule.recordNumber(date), recipient, due.get().at(),
                            json(Map.of("date", date.toString())), now));
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("Daily digest of %s not made this run: %s", recipient, failure.toString());
                    return 0;
                });
    }

    private String json(Map<String, String> facts) {
        try {
            return objectMapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Facts not serialisable", e);
        }
    }
}
