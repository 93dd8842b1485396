package org.itsm.notification.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The service desk's address and its plus-addresses: {@code servicedesk+INC0001001@itsm.example.org} is the desk
 * address carrying a record, put in {@code Reply-To} so that a reply names the record it answers; the desk mailbox
 * receives it like any mail to the desk (sub-addressing, RFC 5233).
 */
public record DeskAddress(String local, String domain) {

    public DeskAddress {
        local = local.toLowerCase(Locale.ROOT);
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Parses {@code local@domain}; a local part with a {@code +} detail is refused (the desk address is the base). */
    public static DeskAddress of(String address) {
        int at = address == null ? -1 : address.strip().lastIndexOf('@');
        if (at <= 0 || at == address.strip().length() - 1 || address.strip().substring(0, at).contains("+")) {
            throw new IllegalArgumentException("Not a desk address (local@domain without +): " + address);
        }
        String stripped = address.strip();
        return new DeskAddress(stripped.substring(0, at), stripped.substring(at + 1));
    }

    /** The address replies about {@code recordNumber} go to. */
    public String replyTo(String recordNumber) {
        return recordNumber == null || recordNumber.isBlank() ? address() : local + "+" + recordNumber + "@" + domain;
    }

    public String address() {
        return local + "@" + domain;
    }

    /**
     * The detail of a plus-address of this desk ({@code INC0001001} of {@code servicedesk+inc0001001@…}, upper-cased),
     * empty for the bare desk address, any other address or none.
     */
    public Optional<String> detailOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String lower = address.strip().toLowerCase(Locale.ROOT);
        String prefix = local + "+";
        String suffix = "@" + domain;
        if (!lower.startsWith(prefix) || !lower.endsWith(suffix) || lower.length() <= prefix.length() + suffix.length()) {
            return Optional.empty();
        }
        return Optional.of(lower.substring(prefix.length(), lower.length() - suffix.length()).toUpperCase(Locale.ROOT));
    }
}
