package org.itsm.notification.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.domain.InboundMail;
import org.itsm.notification.domain.InboundStatus;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class InboundMailRepository implements PanacheRepositoryBase<InboundMail, UUID> {

    /** The most rows one list shows (newest first). */
    public static final int LIST_LIMIT = 200;

    /**
     * Records a mail as {@code RECEIVED} unless one with the same Message-ID exists (the table's unique key): a mail
     * read twice is recorded once. Emits whether a row was inserted.
     */
    public Uni<Boolean> recordOnce(String messageId, String senderAddress, String recipients, String subject,
            String body, Instant receivedAt, Instant now) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into inbound_mail (id, message_id, sender_address, recipients, subject, body, received_at,
                    status, updated_at, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'RECEIVED', ?8, 0)
                on conflict (message_id) do nothing""")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, messageId)
                .setParameter(3, senderAddress)
                .setParameter(4, recipients)
                .setParameter(5, subject)
                .setParameter(6, body)
                .setParameter(7, receivedAt)
                .setParameter(8, now)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Mails not matched yet, oldest first. */
    public Uni<List<InboundMail>> received(int limit) {
        return find("status = ?1 order by receivedAt", InboundStatus.RECEIVED).page(0, limit).list();
    }

    public Uni<List<InboundMail>> newest(InboundStatus status) {
        return status == null
                ? find("order by receivedAt desc").page(0, LIST_LIMIT).list()
                : find("status = ?1 order by receivedAt desc", status).page(0, LIST_LIMIT).list();
    }
}
