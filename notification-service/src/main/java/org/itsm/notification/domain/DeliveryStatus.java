package org.itsm.notification.domain;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Not sent yet: waiting for its first or next attempt. */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Gave up after the configured number of attempts. */
    FAILED,
    /** The directory has no such user or no address for them: retrying would not help. */
    UNDELIVERABLE,
    /** The recipient turned this kind of mail off in their preferences. */
    SUPPRESSED,
    /** An audience's delivery: one delivery per member was planned in its place. */
    EXPANDED,
    /** The recipient takes this kind in their daily digest: it waits for the next one. */
    QUEUED,
    /** Taken into the recipient's daily digest (the delivery {@code digestId}), which is sent in its place. */
    DIGESTED
}
