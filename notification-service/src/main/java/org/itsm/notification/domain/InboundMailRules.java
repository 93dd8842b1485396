package org.itsm.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a mail to the service desk is about, and what becomes of it:
 * <ul>
 * <li>the record it answers: the number in a plus-address of the desk among its recipients
 * ({@code servicedesk+INC0001001@…}, {@link DeskAddress}), else the first {@code [XXX0000000]} in its subject; an
 * incident number is a reply, another record's number (changes, problems, requests) or a plus-address that is no
 * record number cannot be matched; no number at all is a new mail;</li>
 * <li>a mail from an address no platform user has is kept for review; a reply or a new mail from a known user goes
 * to incident-service, unless it has no text of its own (a reply) — then it is kept for review too;</li>
 * <li>its text: the plain text without the quoted reply (lines starting with {@code >}, and everything from an
 * attribution line such as {@code On … wrote:}, {@code -----Original Message-----}, {@code 2026년 … 작성:} or a
 * {@code From:} header block of a forwarded reply).</li>
 * </ul>
 */
public final class InboundMailRules {

    /** A record's human number: three letters and seven digits. */
    private static final Pattern RECORD_NUMBER = Pattern.compile("[A-Z]{3}\\d{7}");
    private static final Pattern SUBJECT_RECORD = Pattern.compile("\\[([A-Za-z]{3}\\d{7})]");
    private static final String INCIDENT_PREFIX = "INC";

    /** Lines where the quoted original begins; everything from there on is dropped. */
    private static final List<Pattern> QUOTE_HEADERS = List.of(
            Pattern.compile("^\\s*On .+ wrote:\\s*$"),
            Pattern.compile("^\\s*-{2,}\\s*Original Message\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*원본 메시지\\s*-{2,}\\s*$"),
            Pattern.compile("^.*(작성|씀|썼습니다)\\s*:\\s*$"),
            Pattern.compile("^\\s*From:\\s.+$"),
            Pattern.compile("^\\s*보낸 사람:\\s.+$"));

    private InboundMailRules() {
    }

    /** What a mail is about. */
    public sealed interface Match {
        /** A reply to incident {@code number}. */
        record Reply(String number) implements Match {
        }

        /** Names no record: a new request for help. */
        record NewMail() implements Match {
        }

        /** Names something that takes no mail. */
        record Unmatched(String reason) implements Match {
        }
    }

    /** What becomes of a mail. */
    public sealed interface Decision {
        /** Handed to incident-service; {@code number} the incident it answers, null for a new one. */
        record Forward(String number) implements Decision {
        }

        /** Kept for an agent, with the reason. */
        record Review(String reason) implements Decision {
        }
    }

    public static Match match(DeskAddress desk, List<String> recipients, String subject) {
        for (String recipient : recipients == null ? List.<String>of() : recipients) {
            Optional<String> detail = desk.detailOf(recipient);
            if (detail.isPresent()) {
                return ofNumber(detail.get(), "the address " + recipient.strip());
            }
        }
        if (subject != null) {
            Matcher inSubject = SUBJECT_RECORD.matcher(subject);
            if (inSubject.find()) {
                return ofNumber(inSubject.group(1).toUpperCase(java.util.Locale.ROOT), "the subject");
            }
        }
        return new Match.NewMail();
    }

    private static Match ofNumber(String number, String where) {
        if (!RECORD_NUMBER.matcher(number).matches()) {
            return new Match.Unmatched("No record number in " + where + ": " + number);
        }
        if (!number.startsWith(INCIDENT_PREFIX)) {
            return new Match.Unmatched("Replies by mail are taken for incidents only, not " + number);
        }
        return new Match.Reply(number);
    }

    /**
     * @param sender  the platform user the sender's address belongs to, empty when none
     * @param address the sender's address (for the reason)
     * @param text    the mail's own text (quoted reply already stripped)
     */
    public static Decision decide(Optional<String> sender, String address, Match match, String text) {
        if (sender.isEmpty()) {
            return new Decision.Review("Unknown sender: no user has the address " + address);
        }
        if (match instanceof Match.Unmatched unmatched) {
            return new Decision.Review(unmatched.reason());
        }
        if (match instanceof Match.Reply reply) {
            return text == null || text.isBlank()
                    ? new Decision.Review("The reply to " + reply.number() + " has no text of its own")
                    : new Decision.Forward(reply.number());
        }
        return new Decision.Forward(null);
    }

    /** The mail's own text: the quoted original removed, trailing blank lines dropped. */
    public static String ownText(String text) {
        if (text == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            if (QUOTE_HEADERS.stream().anyMatch(header -> header.matcher(line).matches())) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip();
    }
}
