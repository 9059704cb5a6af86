package io.bioalert.notify.channel.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks (generic and Slack) from being used to reach the inside of the network (SSRF): only
 * http(s), and no loopback, private, link-local, unique-local, multicast or unspecified address unless
 * the operator allowlists the host, the address or its range. Checked when a destination is saved and
 * again before every send, since DNS can change between the two; a send then connects to the very address
 * that was checked ({@link Target}), so a name that resolves again to an inside address between the check
 * and the connection (DNS rebinding) gets nowhere. Redirects are never followed.
 */
public final class UrlGuard {

    /** Why a URL was refused, worded for the API's 400. */
    public static class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** The host did not resolve: refused when a destination is saved, but only worth a retry at send time. */
    public static final class Unresolved extends Refused {
        public Unresolved(String message) {
            super(message);
        }
    }

    /** A URL that passed, and the address it passed with: the one to connect to. */
    public record Target(URI uri, InetAddress address) {
        public int port() {
            if (uri.getPort() > 0) {
                return uri.getPort();
            }
            return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }

    private final List<String> allowHosts;

    public UrlGuard(List<String> allowHosts) {
        this.allowHosts = allowHosts.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    /** Checks a URL, as when a destination is saved. */
    public URI check(String url) throws Refused {
        return resolve(url).uri();
    }

    /** Checks a URL and returns the address to send to: the first of those its host resolved to, all checked. */
    public Target resolve(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new Refused("must be a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http(s) URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("must name a host");
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("must not carry credentials before the host");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            throw new Unresolved("host " + host + " does not resolve");
        }
        if (!allowHosts.contains(bareHost.toLowerCase(Locale.ROOT))) {
            for (InetAddress a : addresses) {
                if (isInternal(a) && !allowed(a)) {
                    throw new Refused("resolves to " + a.getHostAddress()
                            + ", a loopback, private or link-local address; an operator can allowlist it");
                }
            }
        }
        return new Target(uri, addresses[0]);
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 100.64/10 carrier-grade NAT, 0/8 "this network", 198.18/15 benchmarking, 240/4 reserved
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d is judged as the IPv4 address it maps
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allowed(InetAddress a) {
        for (String entry : allowHosts) {
            if (entry.equals(a.getHostAddress().toLowerCase(Locale.ROOT)) || inCidr(entry, a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCidr(String cidr, InetAddress a) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return false;
        }
        try {
            byte[] net = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
            byte[] addr = a.getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (net.length != addr.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
