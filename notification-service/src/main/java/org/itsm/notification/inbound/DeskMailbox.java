package org.itsm.notification.inbound;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;

import org.itsm.notification.config.InboundConfig;
import org.itsm.notification.service.ReceivedMail;

/**
 * The service desk's mailbox over IMAP (Angus Mail): reads the unseen messages and marks each seen only after the
 * caller has recorded it. Messages are read with {@code mail.imap.peek}, so reading alone never marks them seen: a
 * crash before the mark leaves them unseen, and they are read again (the record is idempotent by Message-ID).
 * Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class DeskMailbox {

    /** What the caller does with each message before it is marked seen; a failure leaves it unseen. */
    @FunctionalInterface
    public interface Recorder {
        void record(ReceivedMail mail) throws Exception;
    }

    private final InboundConfig config;
    private final Clock clock;

    public DeskMailbox(InboundConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Reads up to the batch size of unseen messages; emits how many were recorded and marked seen. */
    public int readUnseen(Recorder recorder) throws Exception {
        InboundConfig.Imap imap = config.imap();
        String protocol = imap.protocol();
        Properties properties = new Properties();
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".host", imap.host());
        properties.put("mail." + protocol + ".port", Integer.toString(imap.port()));
        properties.put("mail." + protocol + ".connectiontimeout", Long.toString(imap.timeout().toMillis()));
        properties.put("mail." + protocol + ".timeout", Long.toString(imap.timeout().toMillis()));
        properties.put("mail." + protocol + ".peek", "true");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password().orElse(""));
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                int done = 0;
                for (Message message : Arrays.copyOf(unseen, Math.min(unseen.length, config.batchSize()))) {
                    recorder.record(read(message));
                    message.setFlag(Flags.Flag.SEEN, true);
                    done++;
                }
                return done;
            } finally {
                folder.close(false);
            }
        }
    }

    private ReceivedMail read(Message message) throws MessagingException, IOException {
        String sender = firstAddress(message.getFrom());
        List<String> recipients = new ArrayList<>();
        addAll(recipients, message.getRecipients(Message.RecipientType.TO));
        addAll(recipients, message.getRecipients(Message.RecipientType.CC));
        String subject = message.getSubject();
        String text = MailText.of(textPart(message));
        java.time.Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                : message.getSentDate() != null ? message.getSentDate().toInstant() : clock.instant();
        String[] ids = message.getHeader("Message-ID");
        String messageId = ids != null && ids.length > 0 && !ids[0].isBlank() ? ids[0].strip()
                : generatedId(sender, subject, text, received);
        return new ReceivedMail(messageId, sender == null ? "" : sender, recipients, subject, text, received);
    }

    /** The first text part: plain text preferred, else HTML (flattened by {@link MailText}). */
    private static MailText.Part textPart(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return new MailText.Part(String.valueOf(part.getContent()), false);
        }
        if (part.isMimeType("text/html")) {
            return new MailText.Part(String.valueOf(part.getContent()), true);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            MailText.Part html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                MailText.Part found = textPart(multipart.getBodyPart(i));
                if (found != null && !found.html()) {
                    return found;
                }
                if (found != null && html == null) {
                    html = found;
                }
            }
            return html;
        }
        return null;
    }

    private static String firstAddress(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return null;
        }
        Address first = addresses[0];
        String address = first instanceof InternetAddress internet ? internet.getAddress() : first.toString();
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }

    private static void addAll(List<String> into, Address[] addresses) {
        if (addresses == null) {
            return;
        }
        for (Address address : addresses) {
            into.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
        }
    }

    /** A stable stand-in for a message without a Message-ID, so reading it twice still records it once. */
    private static String generatedId(String sender, String subject, String text, java.time.Instant received) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((sender + "\n" + subject + "\n" + received + "\n" + text)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@generated.itsm>";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
