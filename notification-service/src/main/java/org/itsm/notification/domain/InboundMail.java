package org.itsm.notification.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A mail read from the service desk's mailbox, kept whatever becomes of it: recorded as {@code RECEIVED}, then
 * forwarded to the owning service or kept for {@code REVIEW}, then {@code COMMENTED}, {@code OPENED} or kept for
 * review after the owning service's answer. Never deleted.
 */
@Entity
@Table(name = "inbound_mail")
public class InboundMail extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "message_id")
    public String messageId;
    @Column(name = "sender_address")
    public String senderAddress;
    /** The platform user the address belongs to, once looked up. */
    public String sender;
    /** The To and Cc addresses, one per line. */
    public String recipients;
    public String subject;
    /** The plain text as received (with any quoted original). */
    public String body;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Enumerated(EnumType.STRING)
    public InboundStatus status;
    public String reason;
    /** The record it answers or opened. */
    @Column(name = "record_number")
    public String recordNumber;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    public void forwarded(String account, String number, Instant now) {
        sender = account;
        recordNumber = number;
        status = InboundStatus.FORWARDED;
        reason = null;
        updatedAt = now;
    }

    public void keptForReview(String account, String why, Instant now) {
        sender = account;
        status = InboundStatus.REVIEW;
        reason = why;
        updatedAt = now;
    }

    /** The owning service's answer: commented on, or opened, {@code number}. */
    public void handled(InboundStatus outcome, String number, Instant now) {
        status = outcome;
        recordNumber = number;
        reason = null;
        updatedAt = now;
    }

    public void refused(String number, String why, Instant now) {
        if (number != null) {
            recordNumber = number;
        }
        status = InboundStatus.REVIEW;
        reason = why;
        updatedAt = now;
    }
}
