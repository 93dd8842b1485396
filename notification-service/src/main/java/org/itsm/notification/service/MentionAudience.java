package org.itsm.notification.service;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.directory.Directory;
import org.itsm.notification.domain.MentionRules;
import org.itsm.notification.domain.NotificationKind;

import io.smallrye.mutiny.Uni;

/**
 * Before a mention's mail is sent: may the recipient see what mentioned them ({@link MentionRules#maySee}, their
 * roles from the {@link Directory})? Other kinds are not asked about. Emits the reason when they may not.
 */
@ApplicationScoped
public class MentionAudience {

    private final Directory directory;

    public MentionAudience(Directory directory) {
        this.directory = directory;
    }

    public Uni<Optional<String>> refusal(NotificationKind kind, String recipient, Map<String, String> facts) {
        if (kind != NotificationKind.INCIDENT_MENTIONED) {
            return Uni.createFrom().item(Optional.empty());
        }
        boolean workNote = "WORK_NOTE".equals(facts.get("note"));
        return directory.account(recipient).map(account -> account.isPresent()
                && MentionRules.maySee(recipient, account.get().roles(), facts.get("caller"), workNote)
                        ? Optional.<String>empty()
                        : Optional.of(recipient + " may not see the " + (workNote ? "work note" : "comment") + " of "
                                + facts.getOrDefault("number", "the record")));
    }
}
