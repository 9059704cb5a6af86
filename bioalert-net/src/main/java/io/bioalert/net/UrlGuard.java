package io.bioalert.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps outbound requests (webhooks, Slack, feeds and pages) from being used to reach the inside of the network (SSRF): only
 * http(s), and no loopback, private, link-local, unique-local, multicast or unspecified address unless
 * the operator allowlists the host, the address or its range. Checked when a destination is saved and
 * again before every send, since DNS can change between the two; a send then connects to the very address
 * that was checked ({@link Target}), so a name that resolves again to an inside address between the check
 * and the connection (DNS rebinding) gets nowhere. A client that follows redirects checks every hop again.
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
            int third = b[2] & 0xff;
            // 100.64/10 carrier-grade NAT, 0/8 "this network", 198.18/15 benchmarking, 240/4 reserved,
            // 192.0.0/24 protocol assignments, and the documentation ranges
            return (first == 100 && second >= 64 && second < 128) || first == 0
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240
                    || (first == 192 && second == 0 && (third == 0 || third == 2))
                    || (first == 198 && second == 51 && third == 100) || (first == 203 && second == 0 && third == 113);
        }
        if (a instanceof Inet6Address) {
            int word0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int word1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            // fc00::/7 unique local; 2001::/32 Teredo and 2001:db8::/32 documentation (Teredo hides an IPv4
            // address no one can check); 64:ff9b:1::/48 local-use NAT64
            if ((b[0] & 0xfe) == 0xfc || (word0 == 0x2001 && (word1 == 0 || word1 == 0x0db8))
                    || (word0 == 0x64 && word1 == 0xff9b && b[4] == 0 && b[5] == 1)) {
                return true;
            }
            // An IPv4 address inside an IPv6 one is judged as that IPv4 address: ::ffff:a.b.c.d (mapped),
            // ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64) in the last four bytes; 2002:aabb:ccdd::/16
            // (6to4) in bytes 2 to 5.
            if (word0 == 0x2002) {
                return isInternal(ipv4(b, 2));
            }
            boolean zeros = true;
            for (int i = 4; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean firstWordsZero = word0 == 0 && word1 == 0;
            boolean mapped = firstWordsZero && zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = firstWordsZero && zeros && b[10] == 0 && b[11] == 0;
            boolean nat64 = word0 == 0x64 && word1 == 0xff9b && zeros && b[10] == 0 && b[11] == 0;
            if (mapped || compatible || nat64) {
                return isInternal(ipv4(b, 12));
            }
        }
        return false;
    }

    private static InetAddress ipv4(byte[] b, int from) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
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
