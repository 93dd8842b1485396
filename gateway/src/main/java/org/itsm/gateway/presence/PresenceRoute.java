package org.itsm.gateway.presence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.itsm.gateway.presence.PresenceBoard.Present;
import org.itsm.gateway.presence.PresenceBoard.RecordRef;
import org.itsm.gateway.presence.PresenceInput.Beat;
import org.itsm.gateway.presence.PresenceInput.Checked;
import org.itsm.gateway.problem.Problem;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/presence/{recordType}/{recordNumber}}: {@code PUT} a heartbeat ({@code {"activity": "viewing" |
 * "editing", "session": "..."}}), {@code GET} who else is on the record, {@code DELETE} (with {@code ?session=}) on
 * leaving. {@code GET} and {@code PUT} answer {@code {"recordType", "recordNumber", "present": [{"user",
 * "displayName", "activity", "since"}]}}; staff roles only.
 */
@ApplicationScoped
public class PresenceRoute {

    public static final String PATH = "/api/v1/presence/:recordType/:recordNumber";
    public static final String PREFIX = "/api/v1/presence";

    private final Presence presence;

    public PresenceRoute(Presence presence) {
        this.presence = presence;
    }

    public void get(RoutingContext rc) {
        withRecord(rc, (caller, record) -> answer(rc, record, presence.present(record, caller.getPrincipal().getName())));
    }

    public void put(RoutingContext rc) {
        withRecord(rc, (caller, record) -> {
            JsonObject body;
            try {
                Buffer buffer = rc.body().buffer();
                body = buffer == null ? null : buffer.toJsonObject();
            } catch (DecodeException | ClassCastException e) {
                body = null;
            }
            if (body == null) {
                Problem.badRequest("The body must be a JSON object: {\"activity\": \"viewing\" | \"editing\"}").send(rc);
                return;
            }
            Checked<Beat> beat = PresenceInput.beat(body);
            if (beat.value().isEmpty()) {
                Problem.validation(beat.errors()).send(rc);
                return;
            }
            String user = caller.getPrincipal().getName();
            answer(rc, record, presence.beat(record, user, displayName(caller), beat.value().get().session(),
                    beat.value().get().activity()));
        });
    }

    public void delete(RoutingContext rc) {
        withRecord(rc, (caller, record) -> {
            Checked<String> session = PresenceInput.session(rc.request().getParam("session"));
            if (session.value().isEmpty()) {
                Problem.validation(session.errors()).send(rc);
                return;
            }
            presence.leave(record, caller.getPrincipal().getName(), session.value().get());
            rc.response().setStatusCode(204).end();
        });
    }

    /** Other methods on a presence path. */
    public void notAllowed(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.ALLOW, "GET, PUT, DELETE");
        Problem.methodNotAllowed(rc.request().method().name()).send(rc);
    }

    private interface RecordHandler {
        void handle(SecurityIdentity caller, RecordRef record);
    }

    private static void withRecord(RoutingContext rc, RecordHandler handler) {
        SecurityIdentity caller = ((QuarkusHttpUser) rc.user()).getSecurityIdentity();
        if (!PresenceBoard.mayTakePart(caller.getRoles())) {
            Problem.forbidden("Presence is for staff roles").send(rc);
            return;
        }
        Checked<RecordRef> record = PresenceInput.record(rc.pathParam("recordType"), rc.pathParam("recordNumber"));
        if (record.value().isEmpty()) {
            Problem.validation(record.errors()).send(rc);
            return;
        }
        handler.handle(caller, record.value().get());
    }

    private static void answer(RoutingContext rc, RecordRef record, List<Present> present) {
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(toJson(record, present).toBuffer());
    }

    /** The answer of GET and PUT, and the data of a presence event on the stream. */
    public static JsonObject toJson(RecordRef record, List<Present> present) {
        return new JsonObject().put("recordType", record.type()).put("recordNumber", record.number())
                .put("present", new JsonArray(present.stream().map(p -> new JsonObject()
                        .put("user", p.user())
                        .put("displayName", p.displayName())
                        .put("activity", p.activity().wire())
                        .put("since", p.since().toString())).toList()));
    }

    // Keycloak's "name" is given and family name; a user without them shows as their user name.
    private static String displayName(SecurityIdentity caller) {
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            Object name = token.getClaim("name");
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return caller.getPrincipal().getName();
    }
}
