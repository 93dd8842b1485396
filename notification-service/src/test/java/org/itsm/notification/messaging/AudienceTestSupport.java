package org.itsm.notification.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.itsm.notification.MailServer;
import org.itsm.notification.TestUsers;

/** Waiting for mail in the test JVM's GreenMail server. */
final class AudienceTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    private AudienceTestSupport() {
    }

    /** The one mail {@code username} received (waits for it; fails on a second). */
    static MimeMessage oneMailTo(String username) {
        String address = TestUsers.address(username);
        await().atMost(WAIT).until(() -> !MailServer.messagesTo(address).isEmpty());
        List<MimeMessage> mails = MailServer.messagesTo(address);
        assertThat(mails, hasSize(1));
        return mails.get(0);
    }

    static List<MimeMessage> mailsTo(String username) {
        return MailServer.messagesTo(TestUsers.address(username));
    }

    /** The decoded plain-text part of a mail (the HTML part is its twin). */
    static String text(MimeMessage mail) {
        try {
            Object content = mail.getContent();
            if (content instanceof String plain) {
                return plain;
            }
            Multipart parts = (Multipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
                if (part.getContent() instanceof Multipart nested) {
                    for (int j = 0; j < nested.getCount(); j++) {
                        if (nested.getBodyPart(j).isMimeType("text/plain")) {
                            return (String) nested.getBodyPart(j).getContent();
                        }
                    }
                }
            }
            throw new IllegalStateException("No text/plain part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
