package org.itsm.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.itsm.devstack.Ports;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP and IMAP server (GreenMail) started once per test JVM on free ports, which a test may stop and start
 * again on the same ports to play an SMTP outage. The IMAP side holds the service desk's mailbox
 * ({@link #DESK_LOGIN}), into which tests deliver mail as a mail server with sub-addressing would.
 */
public final class MailServer {

    private static final Object LOCK = new Object();
    public static final String DESK_ADDRESS = "servicedesk@itsm.example.org";
    public static final String DESK_LOGIN = "servicedesk";

    private static int port;
    private static int imapPort;
    private static GreenMail server;

    private MailServer() {
    }

    /** Starts the server unless it runs; returns its SMTP port. */
    public static int start() {
        synchronized (LOCK) {
            if (port == 0) {
                port = Ports.freePort();
                imapPort = Ports.freePort();
            }
            if (server == null) {
                server = new GreenMail(new ServerSetup[] { new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
                server.start();
                server.setUser(DESK_ADDRESS, DESK_LOGIN, DESK_LOGIN);
            }
            return port;
        }
    }

    /** The IMAP port (after {@link #start()}). */
    public static int imapPort() {
        synchronized (LOCK) {
            return imapPort;
        }
    }

    /** Puts {@code message} into the desk's mailbox, unseen, as the desk's mail server would on receiving it. */
    public static void deliverToDesk(MimeMessage message) {
        synchronized (LOCK) {
            GreenMailUser desk = server.getUserManager().getUser(DESK_LOGIN);
            desk.deliver(message);
        }
    }

    /** How many messages of the desk's mailbox are not marked seen. */
    public static long unseenAtDesk() {
        synchronized (LOCK) {
            try {
                GreenMailUser desk = server.getUserManager().getUser(DESK_LOGIN);
                return server.getManagers().getImapHostManager().getInbox(desk).getMessages().stream()
                        .filter(message -> !message.getFlags().contains(jakarta.mail.Flags.Flag.SEEN))
                        .count();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the server: sends fail with a refused connection until {@link #start()}. */
    public static void stop() {
        synchronized (LOCK) {
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    /** Everything received since the server last started, addressed to {@code address}. */
    public static List<MimeMessage> messagesTo(String address) {
        synchronized (LOCK) {
            if (server == null) {
                return List.of();
            }
            return Arrays.stream(server.getReceivedMessages()).filter(message -> addressedTo(message, address))
                    .toList();
        }
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(recipient -> recipient.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
