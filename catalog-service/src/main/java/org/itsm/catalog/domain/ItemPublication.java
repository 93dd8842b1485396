package org.itsm.catalog.domain;

import java.util.List;

import org.itsm.support.lifecycle.IllegalMoveException;

/**
 * A catalog item is Unpublished (as created) or Published (orderable, {@link Orderability}); {@code publish} and
 * {@code unpublish} move between the two, and repeating the current one is refused naming the other.
 */
public final class ItemPublication {

    public static final String PUBLISH = "publish";
    public static final String UNPUBLISH = "unpublish";

    private ItemPublication() {
    }

    /** Whether the item is published after {@code action}, or {@link IllegalMoveException} naming the allowed one. */
    public static boolean apply(boolean published, String action) {
        if (PUBLISH.equals(action) && !published) {
            return true;
        }
        if (UNPUBLISH.equals(action) && published) {
            return false;
        }
        throw new IllegalMoveException(action, published ? "PUBLISHED" : "UNPUBLISHED",
                List.of(published ? UNPUBLISH : PUBLISH));
    }
}
