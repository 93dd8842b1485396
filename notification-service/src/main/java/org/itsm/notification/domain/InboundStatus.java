package org.itsm.notification.domain;

/** Where a mail read from the desk mailbox stands. */
public enum InboundStatus {
    /** Recorded, not yet matched (the sender is looked up on the next pass). */
    RECEIVED,
    /** Matched and handed to the service owning the record (an event), awaiting its answer. */
    FORWARDED,
    /** Became a public comment on the incident it answers. */
    COMMENTED,
    /** Opened a new incident. */
    OPENED,
    /** Kept for an agent: unknown sender, unmatched, or refused by the owning service; {@code reason} says which. */
    REVIEW
}
