package io.bioalert.ingest.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Stable announcement ids: the same story always gets the same id, so that it is one Kafka key and one
 * row however often it is fetched. Derived from the canonical URL, or from the normalised text when the
 * story has no URL.
 */
public final class AnnouncementIds {

    private AnnouncementIds() {
    }

    public static String forStory(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return "u-" + sha256(canonicalUrl(url)).substring(0, 24);
        }
        return "t-" + sha256(normalisedText(title, body)).substring(0, 24);
    }

    /** Lower-case scheme and host, no fragment, no tracking parameters, no trailing slash. */
    public static String canonicalUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !isTrackingParameter(p))
                    .sorted()
                    .collect(Collectors.joining("&"));
            String port = uri.getPort() < 0 || isDefaultPort(scheme, uri.getPort()) ? "" : ":" + uri.getPort();
            return scheme + "://" + host + port + path + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return url.trim();
        }
    }

    private static boolean isTrackingParameter(String pair) {
        String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid") || name.equals("mc_cid")
                || name.equals("mc_eid") || name.equals("ref") || name.isEmpty();
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    }

    static String normalisedText(String title, String body) {
        String text = (title == null ? "" : title) + " " + (body == null ? "" : body);
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
