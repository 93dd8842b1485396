package org.itsm.notification;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.itsm.devstack.Ports;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) started once per test JVM on a free port, which a test may stop and start again on
 * the same port to play an SMTP outage.
 */
public final class MailServer {

    private static final Object LOCK = new Object();
    private static int port;
    private static GreenMail server;

    private MailServer() {
    }

    /** Starts the server unless it runs; returns its SMTP port. */
    public static int start() {
        synchronized (LOCK) {
            if (port == 0) {
                port = Ports.freePort();
            }
            if (server == null) {
                server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                server.start();
            }
            return port;
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
