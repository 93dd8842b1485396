package org.itsm.catalog.domain;

import org.itsm.catalog.domain.RequestAccess.Who;

/**
 * Who may manage and see the catalogue (services, offerings, items); {@link RequestAccess} has the rules of
 * requests. The endpoints admit the same roles with {@code @RolesAllowed}; these rules decide what a caller is
 * offered ({@code allowedActions}) and which records they see.
 * <ul>
 * <li>managing the portfolio and the items (create, edit, lifecycle actions, publish): catalog managers and
 * admins;</li>
 * <li>seeing unpublished items: catalog managers, fulfilment staff (agents) and admins; a requester sees published
 * items only, and an unpublished one looks missing to them.</li>
 * </ul>
 */
public final class CatalogAccess {

    private CatalogAccess() {
    }

    public static boolean managesCatalog(Who who) {
        return who.catalogManager();
    }

    public static boolean seesUnpublishedItems(Who who) {
        return who.catalogManager() || who.fulfils();
    }

    /** Whether {@code who} sees {@code item}. */
    public static boolean sees(CatalogItem item, Who who) {
        return item.published || seesUnpublishedItems(who);
    }
}
