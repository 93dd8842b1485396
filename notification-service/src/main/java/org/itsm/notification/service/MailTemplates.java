package org.itsm.notification.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.itsm.notification.config.NotificationConfig;
import org.itsm.notification.domain.Languages;
import org.itsm.notification.domain.NotificationKind;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The mails' Qute templates ({@code templates/mail/<family>-<language>.{txt,html}} and the subject line, the family
 * being {@code incident}, {@code mention} or {@code request}): a subject,
 * a plain-text and an HTML part in the recipient's language, with the record's number, essentials and a link to the
 * record in the console.
 */
@ApplicationScoped
public class MailTemplates {

    /** The facts every template may show; absent ones are empty, so strict rendering never meets an unknown name. */
    public static final List<String> FACTS = List.of("number", "shortDescription", "priority", "state", "caller",
            "assignee", "resolutionCode", "clock", "dueAt", "requester", "approver", "author", "note");

    public record RenderedMail(String subject, String text, String html) {
    }

    private final Engine engine;
    private final NotificationConfig config;

    public MailTemplates(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public RenderedMail render(NotificationKind kind, String language, String recipient, String recordId,
            Map<String, String> facts) {
        String lang = Languages.supportedOr(language, config.defaultLanguage());
        Map<String, Object> data = new HashMap<>();
        for (String name : FACTS) {
            String value = facts.get(name);
            data.put(name, value == null ? "" : value);
        }
        data.put("kind", kind.name());
        data.put("recipient", recipient);
        String console = config.consoleUrl().replaceAll("/+$", "");
        String family = kind.family();
        // requests: the requester's list, where an approver also finds what awaits them (the console has no request page)
        data.put("link", "request".equals(family) ? console + "/my/requests" : console + "/incidents/"
                + (recordId == null || recordId.isBlank() ? facts.getOrDefault("number", "") : recordId));
        String subject = template("mail/" + family + "-subject-" + lang + ".txt").data(data).render().strip();
        String text = template("mail/" + family + "-" + lang + ".txt").data(data).render();
        String html = template("mail/" + family + "-" + lang + ".html").data(data).render();
        return new RenderedMail(subject, text, html);
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No mail template " + id);
        }
        return template;
    }
}
