package org.itsm.notification.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go. A target is an absolute {@code http} or {@code https} URL with a host, without user info or
 * fragment, at most 2000 characters. Its host is resolved and EVERY address it resolves to must be public: loopback,
 * unspecified, private (10/8, 172.16/12, 192.168/16, fc00::/7), shared (100.64/10), link-local (169.254/16,
 * fe80::/10, cloud metadata endpoints among them), multicast and broadcast addresses are refused, unless an address
 * lies in one of the {@code allowedNetworks} (CIDR blocks an operator names, e.g. the test receiver's 127.0.0.0/8).
 * The sender connects to the address this check returned, so a second DNS answer cannot redirect it.
 */
public final class TargetPolicy {

    public static final int MAX_URL_LENGTH = 2000;

    /** Resolves a host name to its addresses (the JVM's resolver in production, a table in tests). */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A checked target: the URL, its host and port, and the address to connect to. */
    public record Target(URI uri, String host, int port, boolean tls, InetAddress address) {
    }

    /** A target the policy refuses, with the reason. */
    public static final class Refused extends Exception {

        public Refused(String reason) {
            super(reason);
        }
    }

    private final List<Cidr> allowedNetworks;

    public TargetPolicy(List<String> allowedNetworks) {
        this.allowedNetworks = allowedNetworks.stream().map(Cidr::parse).toList();
    }

    /** The URL's shape alone (scheme, host, no user info), before any resolution. */
    public static URI parse(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("is required: the http or https URL webhooks are posted to");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("may have at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new Refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("must not carry user info (credentials belong in the signature secret)");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("must not have a fragment");
        }
        return uri;
    }

    /** Parses, resolves and checks {@code url}; the target names the address to connect to. */
    public Target check(String url, Resolver resolver) throws Refused {
        URI uri = parse(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        if (addresses.isEmpty()) {
            throw new Refused("names a host that does not resolve: " + host);
        }
        for (InetAddress address : addresses) {
            if (forbidden(address) && !allowed(address)) {
                throw new Refused("resolves to " + address.getHostAddress()
                        + ", a private, loopback, link-local or multicast address, which is not allowed");
            }
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        return new Target(uri, host, port, tls, addresses.get(0));
    }

    /** Whether an address is not a public unicast one (see the class comment). */
    public static boolean forbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && (second & 0xc0) == 64 // shared address space 100.64/10
                    || first == 192 && second == 0 && (bytes[2] & 0xff) == 0 // IETF protocol assignments 192.0.0/24
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if (isIpv4Mapped(bytes)) {
                try {
                    return forbidden(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allowed(InetAddress address) {
        return allowedNetworks.stream().anyMatch(network -> network.contains(address));
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    /** A network in CIDR notation ({@code 127.0.0.0/8}, {@code ::1/128}; a bare address is one host). */
    record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            String trimmed = text.trim();
            int slash = trimmed.indexOf('/');
            String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
            if (!addressPart.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("Not a network address: " + text);
            }
            try {
                byte[] network = InetAddress.getByName(addressPart).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Not a prefix length for " + addressPart + ": " + prefix);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("Not a CIDR block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
