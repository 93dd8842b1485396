package org.itsm.events.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A mail from a known user reached the service desk (notification-service read it over IMAP). {@code recordNumber}
 * is the record the mail answers (from the plus-address of its recipient or the {@code [INC…]} in its subject), null
 * for a new mail. {@code sender} is the platform user the sender's address belongs to and {@code senderRoles} their
 * realm roles, both from the identity provider, never from the mail. {@code text} is the mail's plain text without
 * the quoted reply. The owning service reports what it made of the mail with the mail's {@code mailId}.
 */
public record InboundMailEvent(
        UUID mailId,
        String messageId,
        String sender,
        List<String> senderRoles,
        String recordNumber,
        String subject,
        String text,
        Instant receivedAt) {
}
