package org.itsm.catalog.service;

import java.util.List;

import org.itsm.catalog.domain.ItService;
import org.itsm.events.change.ChangeEvent;
import org.itsm.support.inbox.UnprocessableEventException;

/** An implemented change's catalog update that no longer fits: the event goes to the dead-letter topic. */
public class ChangeUpdateRejected extends UnprocessableEventException {

    private final transient ChangeEvent change;
    private final transient List<ItService> services;

    public ChangeUpdateRejected(ChangeEvent change, List<ItService> services, List<String> misfits) {
        super("Catalog update of " + change.number() + " rejected: " + String.join("; ", misfits));
        this.change = change;
        this.services = services;
    }

    public ChangeEvent change() {
        return change;
    }

    public List<ItService> services() {
        return services;
    }
}
