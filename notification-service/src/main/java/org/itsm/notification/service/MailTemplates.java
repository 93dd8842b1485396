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
import io.quarkus.qute.TemplateData;

/**
 * The mails' Qute templates ({@code templates/mail/<family>-<language>.{txt,html}} and the subject line, the family
 * being {@code incident}, {@code mention}, {@code request}, {@code change}, {@code problem} or {@code digest}): a
 * subject, a plain-text and an HTML part in the recipient's language, with the record's number, essentials and a link
 * to the record in the console. A daily digest lists its notifications by their subject lines, each with its link.
 */
@ApplicationScoped
public class MailTemplates {

    /** The facts every template may show; absent ones are empty, so strict rendering never meets an unknown name. */
    public static final List<String> FACTS = List.of("number", "shortDescription", "priority", "state", "caller",
            "assignee", "resolutionCode", "clock", "dueAt", "requester", "approver", "author", "note", "group",
            "changeType", "riskLevel", "implementer", "plannedStart", "plannedEnd", "outcome", "category", "incidents",
            "problemNumber", "workaround");

    public record RenderedMail(String subject, String text, String html) {
    }

    /** One notification of a digest: its subject line and its link. */
    @TemplateData
    public record DigestLine(String subject, String link) {
    }

    private final Engine engine;
    private final NotificationConfig config;

    public MailTemplates(Engine engine, NotificationConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public RenderedMail render(NotificationKind kind, String language, String recipient, String recordId,
            Map<String, String> facts) {
        String lang = language(language);
        Map<String, Object> data = data(kind, recipient, recordId, facts);
        String family = kind.family();
        String subject = template("mail/" + family + "-subject-" + lang + ".txt").data(data).render().strip();
        String text = template("mail/" + family + "-" + lang + ".txt").data(data).render();
        String html = template("mail/" + family + "-" + lang + ".html").data(data).render();
        return new RenderedMail(subject, text, html);
    }

    /** A notification as a digest shows it: the subject its own mail would have had, and its link. */
    public DigestLine line(NotificationKind kind, String language, String recipient, String recordId,
            Map<String, String> facts) {
        Map<String, Object> data = data(kind, recipient, recordId, facts);
        String subject = template("mail/" + kind.family() + "-subject-" + language(language) + ".txt").data(data)
                .render().strip();
        return new DigestLine(subject, (String) data.get("link"));
    }

    /** The daily digest of {@code date} (a local date, as text) listing {@code lines}. */
    public RenderedMail digest(String language, String recipient, String date, List<DigestLine> lines) {
        String lang = language(language);
        Map<String, Object> data = new HashMap<>();
        data.put("recipient", recipient);
        data.put("date", date);
        data.put("lines", lines);
        data.put("count", lines.size());
        data.put("link", console() + "/");
        String subject = template("mail/digest-subject-" + lang + ".txt").data(data).render().strip();
        String text = template("mail/digest-" + lang + ".txt").data(data).render();
        String html = template("mail/digest-" + lang + ".html").data(data).render();
        return new RenderedMail(subject, text, html);
    }

    private String language(String language) {
        return Languages.supportedOr(language, config.defaultLanguage());
    }

    private Map<String, Object> data(NotificationKind kind, String recipient, String recordId,
            Map<String, String> facts) {
        Map<String, Object> data = new HashMap<>();
        for (String name : FACTS) {
            String value = facts.get(name);
            data.put(name, value == null ? "" : value);
        }
        data.put("kind", kind.name());
        data.put("recipient", recipient);
        data.put("link", link(kind.family(), recordId, facts));
        return data;
    }

    /**
     * Where the mail points in the console: the incident or the problem; requests to the requester's list, where an
     * approver also finds what awaits them; changes to the console's start page (it has no change page yet).
     */
    private String link(String family, String recordId, Map<String, String> facts) {
        String console = console();
        String record = recordId == null || recordId.isBlank() ? facts.getOrDefault("number", "") : recordId;
        return switch (family) {
            case "request" -> console + "/my/requests";
            case "change" -> console + "/";
            case "problem" -> console + "/problems/" + record;
            default -> console + "/incidents/" + record;
        };
    }

    private String console() {
        return config.consoleUrl().replaceAll("/+$", "");
    }

    private Template template(String id) {
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("No mail template " + id);
        }
        return template;
    }
}
