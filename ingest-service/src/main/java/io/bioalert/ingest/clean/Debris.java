package io.bioalert.ingest.clean;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What page debris looks like once a page has become lines of text: navigation words, sign-up and
 * log-in prompts, cookie banners, ads and image credits. Kept apart from the cleaner so the list can
 * grow as new sites show new kinds of debris.
 */
final class Debris {

    /** Whole lines that are navigation or widget labels, compared case-insensitively. */
    private static final Set<String> NAV_LINES = Set.of(
            "show", "hide", "close", "menu", "search", "home", "news", "press releases", "press release",
            "back", "next", "previous", "top", "back to top", "skip to content", "skip to main content",
            "share", "share this", "share this article", "print", "email", "tweet", "en", "cn", "zh", "中文",
            "login", "log in", "log-in", "sign in", "register", "subscribe", "subscribe now", "follow us",
            "contact us", "font size", "text size", "back to log-in", "back to login", "read more",
            "advertisement", "sponsored", "sponsored content", "related articles", "related news",
            "accept", "accept all", "reject all", "manage cookies", "cookie settings", "more news", "stay connected");

    /** Lines that are debris whatever their length (they never occur inside an announcement's prose). */
    private static final List<Pattern> LINE_PATTERNS = List.of(
            Pattern.compile("^image (source|credit|courtesy)s?\\s*:.*"),
            Pattern.compile("^(photo|picture|image) ?(credit|source)?\\s*:\\s*\\S.{0,80}$"),
            Pattern.compile("^forgot your password\\??$"),
            Pattern.compile("^lost your password\\?.*"),
            Pattern.compile("^home\\s*(>|»|›|/|\\|)\\s*.*"),
            Pattern.compile("^sign ?up (to|for) (our|the) .*newsletter.*"),
            Pattern.compile("^(subscribe|sign up) (to|for) .{0,40}(newsletter|alerts|updates).*"),
            Pattern.compile("^schedule your .{0,60}demo!?$"),
            Pattern.compile("^discover why more than .{0,40} use .*"),
            Pattern.compile("^click here to .{0,80}$"),
            Pattern.compile("^.{0,80}\\bunsubscribe\\b.{0,80}$"),
            Pattern.compile("^(this (web)?site|we) uses? cookies.*"),
            Pattern.compile(".{0,200}\\b(accept (all )?cookies|cookie (policy|preferences|settings))\\b.{0,200}"),
            Pattern.compile("^(follow|like) us on .{0,60}$"),
            Pattern.compile("^(share|tweet|email|print) (this|on) .{0,40}$"));

    /** A line from which everything to the end is sign-up and account widgets, unless prose follows. */
    private static final List<Pattern> TAIL_MARKERS = List.of(
            Pattern.compile("^stay connected!?$"),
            Pattern.compile("^sign ?up (to|for) (our|the) .*newsletter.*"),
            Pattern.compile("^(you may also like|related (news|articles|stories|posts)|recommended for you|more from .{0,40})$"));

    /** Opens (and closes) a promotional block such as "Schedule your 30 min Free ... Demo!". */
    private static final Pattern PROMO_BLOCK = Pattern.compile("^schedule your .{0,60}demo!?$");

    /** Debris is short: a line longer than this is prose, whatever words it contains. */
    private static final int MAX_DEBRIS_LINE = 300;

    private Debris() {
    }

    static boolean isDebrisLine(String line) {
        if (line.isEmpty() || line.length() > MAX_DEBRIS_LINE) {
            return false;
        }
        String l = normalise(line);
        if (NAV_LINES.contains(l)) {
            return true;
        }
        for (Pattern p : LINE_PATTERNS) {
            if (p.matcher(l).matches()) {
                return true;
            }
        }
        return false;
    }

    static boolean isTailMarker(String line) {
        if (line.length() > MAX_DEBRIS_LINE) {
            return false;
        }
        String l = normalise(line);
        return TAIL_MARKERS.stream().anyMatch(p -> p.matcher(l).matches());
    }

    static boolean isPromoBlockEdge(String line) {
        return line.length() <= MAX_DEBRIS_LINE && PROMO_BLOCK.matcher(normalise(line)).matches();
    }

    static String normalise(String line) {
        // A plain loop: this runs several times per line of every page, and regex replaceAll dominated the profile.
        String l = line.strip();
        StringBuilder sb = new StringBuilder(l.length());
        boolean space = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) {
                sb.append(' ');
            }
            space = false;
            sb.append(Character.toLowerCase(c));
        }
        int end = sb.length();
        if (end > 0 && (sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == ':')) {
            sb.setLength(end - 1);
        }
        return sb.toString();
    }
}
