package org.itsm.support.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.support.rest.ApiProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Idempotency-Key on creates: the key is claimed in the creating transaction, so a retry (even a concurrent one,
 * which waits on the key's row) gets the id of the first result instead of a duplicate. Keys are per principal;
 * the same key with a different body is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 200;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Result of a create: the id, and whether this call created it or replays an earlier one. */
    public record Outcome(UUID id, boolean replayed) {
    }

    /**
     * {@link #createOnce(String, String, String, Supplier)} for a request record: its JSON is the fingerprint a
     * retry must repeat.
     */
    public Uni<Outcome> createOnce(String principal, String key, Record request, Supplier<Uni<UUID>> create) {
        return createOnce(principal, key, fingerprint(request), create);
    }

    /**
     * Runs {@code create} once per (principal, key); {@code key} may be null (no idempotency asked).
     * Must be called inside the creating transaction.
     */
    public Uni<Outcome> createOnce(String principal, String key, String requestBody, Supplier<Uni<UUID>> create) {
        if (key == null) {
            return create.get().map(id -> new Outcome(id, false));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = sha256(requestBody);
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into idempotency_key (principal, key, request_hash) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, hash)
                .executeUpdate()
                .flatMap(claimed -> claimed == 1
                        ? create.get().flatMap(id -> session.createNativeQuery(
                                "update idempotency_key set resource_id = ?3 where principal = ?1 and key = ?2")
                                .setParameter(1, principal).setParameter(2, key).setParameter(3, id)
                                .executeUpdate().map(ignored -> new Outcome(id, false)))
                        : replay(principal, key, hash)));
    }

    private Uni<Outcome> replay(String principal, String key, String hash) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select request_hash, cast(resource_id as text) from idempotency_key where principal = ?1 and key = ?2",
                Object[].class)
                .setParameter(1, principal).setParameter(2, key)
                .getResultList())
                .map(rows -> {
                    Optional<Object[]> row = rows.stream().findFirst();
                    if (row.isEmpty() || row.get()[1] == null) {
                        throw ApiProblem.conflict("A request with this Idempotency-Key is still in progress");
                    }
                    if (!hash.equals(row.get()[0])) {
                        throw ApiProblem.unprocessable("Idempotency-Key was already used with a different request");
                    }
                    return new Outcome(UUID.fromString((String) row.get()[1]), true);
                });
    }

    private static String fingerprint(Record request) {
        try {
            return JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request " + request.getClass().getName() + " cannot be written as JSON", e);
        }
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((body == null ? "" : body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
