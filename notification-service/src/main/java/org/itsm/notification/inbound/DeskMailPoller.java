package org.itsm.notification.inbound;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.config.InboundConfig;
import org.itsm.notification.service.InboundMails;
import org.itsm.notification.service.ReceivedMail;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Reads the desk mailbox every {@code itsm.notification.inbound.poll-interval}: each unseen message is recorded
 * (committed) before it is marked seen, then the recorded mail is matched and forwarded or kept for review
 * ({@link InboundMails}). A mailbox that cannot be read now is tried again on the next run; recorded mail whose
 * sender could not be looked up is matched on a later run.
 */
@ApplicationScoped
public class DeskMailPoller {

    private static final Logger LOG = Logger.getLogger(DeskMailPoller.class);

    private final DeskMailbox mailbox;
    private final InboundMails mails;
    private final InboundConfig config;

    public DeskMailPoller(DeskMailbox mailbox, InboundMails mails, InboundConfig config) {
        this.mailbox = mailbox;
        this.mails = mails;
        this.config = config;
    }

    @Scheduled(every = "${itsm.notification.inbound.poll-interval:10s}",
            delayed = "${itsm.notification.inbound.initial-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            poll();
        }
    }

    /** Records one mail and returns once it is committed (the mailbox marks it seen only then). */
    private void record(ReceivedMail mail) throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(() -> mails.record(mail));
        } catch (Exception e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** One run (blocking: a worker thread): read and record, then match. */
    public void poll() {
        try {
            mailbox.readUnseen(this::record);
        } catch (Exception e) {
            LOG.warnf("Desk mailbox not read now, next run tries again: %s", e.toString());
        }
        try {
            VertxContextSupport.subscribeAndAwait(mails::processReceived);
        } catch (Throwable e) {
            LOG.warnf("Inbound mail not matched now, next run tries again: %s", e.toString());
        }
    }
}
