package org.itsm.benchfloor;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import org.itsm.events.api.Roles;
import org.itsm.support.outbox.OutboxWriter;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * What every create on the platform pays before its domain: token check, validated JSON body, one insert and one
 * outbox row in one transaction, a 201 with a Location. {@code ./itsm bench} sets incident creates beside it.
 */
@Path("/floor/items")
public class FloorResource {

    public record NewItem(@NotBlank @Size(max = 200) String title) {
    }

    public record ItemCreated(UUID id, String title, String createdBy) {
    }

    private final OutboxWriter outbox;
    private final SecurityIdentity identity;
    private final Clock clock;

    FloorResource(OutboxWriter outbox, SecurityIdentity identity, Clock clock) {
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.AGENT)
    @WithTransaction
    public Uni<Response> create(@Valid @NotNull NewItem body) {
        FloorItem item = new FloorItem();
        item.id = UUID.randomUUID();
        item.title = body.title();
        item.createdBy = identity.getPrincipal().getName();
        item.createdAt = clock.instant();
        ItemCreated created = new ItemCreated(item.id, item.title, item.createdBy);
        return item.persist()
                .chain(() -> outbox.append("bench.floor.created", item.id, item.id.toString(), created))
                .replaceWith(() -> Response.created(URI.create("/floor/items/" + item.id)).entity(created).build());
    }
}
