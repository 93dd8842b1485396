package org.itsm.gateway.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.itsm.gateway.presence.PresenceBoard.Activity;
import org.itsm.gateway.presence.PresenceBoard.RecordRef;
import org.itsm.gateway.problem.Problem.FieldError;

import io.vertx.core.json.JsonObject;

/**
 * What the presence API accepts: a record type with its number pattern ({@code incident} INC…, {@code problem} PRB…,
 * {@code request} REQ…, seven digits or more), and a heartbeat body {@code {"activity": "viewing"|"editing",
 * "session": "<tab id>"}} with no other fields; the session (letters, digits, {@code -} and {@code _}, at most 64) is
 * optional and tells a user's tabs apart.
 */
public final class PresenceInput {

    static final Map<String, Pattern> RECORD_NUMBERS = Map.of(
            "incident", Pattern.compile("INC[0-9]{7,}"),
            "problem", Pattern.compile("PRB[0-9]{7,}"),
            "request", Pattern.compile("REQ[0-9]{7,}"));

    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Set<String> BODY_FIELDS = Set.of("activity", "session");

    /** The default session of a client that sends none. */
    public static final String NO_SESSION = "-";

    private PresenceInput() {
    }

    /** The validated body of a heartbeat. */
    public record Beat(Activity activity, String session) {
    }

    /** Either a value or the offending fields. */
    public record Checked<T>(Optional<T> value, List<FieldError> errors) {

        static <T> Checked<T> of(T value) {
            return new Checked<>(Optional.of(value), List.of());
        }

        static <T> Checked<T> invalid(List<FieldError> errors) {
            return new Checked<>(Optional.empty(), List.copyOf(errors));
        }
    }

    public static Checked<RecordRef> record(String type, String number) {
        Pattern pattern = RECORD_NUMBERS.get(type);
        if (pattern == null) {
            return Checked.invalid(List.of(new FieldError("recordType", "must be one of incident, problem, request")));
        }
        if (!pattern.matcher(number).matches()) {
            return Checked.invalid(List.of(new FieldError("recordNumber",
                    "must be a " + type + " number like " + pattern.pattern().substring(0, 3) + "0001001")));
        }
        return Checked.of(new RecordRef(type, number));
    }

    public static Checked<Beat> beat(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.fieldNames()) {
            if (!BODY_FIELDS.contains(field)) {
                errors.add(new FieldError(field, "unknown field"));
            }
        }
        Object activity = body.getValue("activity");
        Activity parsed = null;
        if (activity == null) {
            errors.add(new FieldError("activity", "is required: viewing or editing"));
        } else if ("viewing".equals(activity)) {
            parsed = Activity.VIEWING;
        } else if ("editing".equals(activity)) {
            parsed = Activity.EDITING;
        } else {
            errors.add(new FieldError("activity", "must be viewing or editing"));
        }
        Object session = body.getValue("session");
        if (session != null && !(session instanceof String text && SESSION.matcher(text).matches())) {
            errors.add(new FieldError("session", "must be 1 to 64 letters, digits, - or _"));
        }
        if (!errors.isEmpty()) {
            return Checked.invalid(errors);
        }
        return Checked.of(new Beat(parsed, session == null ? NO_SESSION : (String) session));
    }

    public static Checked<String> session(String session) {
        if (session == null) {
            return Checked.of(NO_SESSION);
        }
        return SESSION.matcher(session).matches() ? Checked.of(session)
                : Checked.invalid(List.of(new FieldError("session", "must be 1 to 64 letters, digits, - or _")));
    }
}
