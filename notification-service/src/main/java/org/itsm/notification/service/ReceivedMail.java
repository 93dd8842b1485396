package org.itsm.notification.service;

import java.time.Instant;
import java.util.List;

/** A mail as read from the desk mailbox: its Message-ID, sender address, To and Cc addresses, subject and plain text. */
public record ReceivedMail(String messageId, String senderAddress, List<String> recipients, String subject,
        String text, Instant receivedAt) {
}
