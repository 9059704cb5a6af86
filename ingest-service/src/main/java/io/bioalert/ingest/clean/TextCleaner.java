package io.bioalert.ingest.clean;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the text of a press page (as copied, as extracted from HTML, or as pushed) into the article:
 * header lines above the dateline, navigation, sign-up and promo blocks and repeated lines go; the
 * title and the date are taken from the header when there is one.
 */
public final class TextCleaner {

    /** The dateline, when there is one, sits among the first few lines. */
    private static final int HEADER_LINES = 12;
    /** Lines above the dateline longer than this are prose, not header: keep them. */
    private static final int HEADER_LINE_MAX = 250;
    /** A dateline is short; a long line that happens to start with a date is prose. */
    private static final int DATELINE_MAX = 90;
    /** Past this, a date is part of the story, not its dateline. */
    private static final int DATE_SEARCH_CHARS = 600;
    /** A promo block longer than this is not a promo block. */
    private static final int PROMO_BLOCK_MAX_LINES = 6;
    private static final int PROSE_LINE = 200;
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[ \\t\\x0B\\f\\u2000-\\u200B\\u3000]+");
    /**
     * Column labels in front of Chinese headlines and leads ("【重磅】", "【医药速递】"): a bracket header
     * says which section a post is in, not what happened.
     */
    private static final java.util.regex.Pattern BRACKET_HEADER = java.util.regex.Pattern.compile("^(?:【[^】]{1,20}】\\s*)+");
    /** Text a WeChat post must have before its "follow us" and disclaimer tail is cut (a headline is shorter). */
    private static final int MIN_CHARS_BEFORE_END = 80;

    private TextCleaner() {
    }

    /** Cleans {@code text}; {@code knownTitle} (from a feed or meta tag) wins over one found in the text. */
    public static CleanedText clean(String text, String knownTitle) {
        List<String> lines = splitLines(text);
        lines = dropPromoBlocks(lines);
        lines = dropTail(lines);
        lines = dropPostEnd(lines);
        lines = dropDebrisAndRepeats(lines);

        String title = blankToNull(knownTitle);
        LocalDate date = null;
        int dateline = findDateline(lines);
        if (dateline >= 0) {
            date = DateExtractor.first(lines.get(dateline)).date();
            boolean headerIsShort = lines.subList(0, dateline).stream().allMatch(l -> l.length() <= HEADER_LINE_MAX);
            if (headerIsShort) {
                if (title == null) {
                    title = lastNonBlank(lines.subList(0, dateline));
                }
                lines = new ArrayList<>(lines.subList(dateline + 1, lines.size()));
            } else {
                lines.remove(dateline);
            }
        } else if (title == null && looksLikeTitle(lines)) {
            title = lines.get(firstNonBlank(lines));
            lines = new ArrayList<>(lines.subList(firstNonBlank(lines) + 1, lines.size()));
        }
        title = withoutBracketHeader(title);
        if (title != null) {
            lines = dropLeadingTitleRepeats(lines, title);
        }
        lines = dropLeadingBracketHeader(lines);
        String body = join(lines);
        if (date == null) {
            DateExtractor.Found found = DateExtractor.first(body.substring(0, Math.min(body.length(), DATE_SEARCH_CHARS)));
            date = found == null ? null : found.date();
        }
        return new CleanedText(title == null ? null : title.strip(), body, date);
    }

    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String raw : text.replace('\u00A0', ' ').replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            lines.add(ChineseTypography.tidy(BLANKS.matcher(raw).replaceAll(" ").strip()));
        }
        return lines;
    }

    private static List<String> dropPromoBlocks(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (Debris.isPromoBlockEdge(lines.get(i))) {
                int close = -1;
                for (int j = i + 1; j < lines.size() && j <= i + PROMO_BLOCK_MAX_LINES; j++) {
                    if (Debris.isPromoBlockEdge(lines.get(j))) {
                        close = j;
                        break;
                    }
                }
                if (close > 0) {
                    i = close;
                }
                continue;
            }
            kept.add(lines.get(i));
        }
        return kept;
    }

    /** Cuts at a sign-up marker when nothing that reads like prose follows it. */
    private static List<String> dropTail(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (Debris.isTailMarker(lines.get(i))) {
                boolean proseFollows = lines.subList(i + 1, lines.size()).stream().anyMatch(l -> l.length() > PROSE_LINE);
                if (!proseFollows) {
                    return new ArrayList<>(lines.subList(0, i));
                }
            }
        }
        return lines;
    }

    /** Cuts a post's end matter (disclaimer, QR code, "read the original") once enough article precedes it. */
    private static List<String> dropPostEnd(List<String> lines) {
        int chars = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (chars >= MIN_CHARS_BEFORE_END && Debris.isEndMarker(line)) {
                return new ArrayList<>(lines.subList(0, i));
            }
            if (!Debris.isDebrisLine(line)) {
                chars += line.length();
            }
        }
        return lines;
    }

    private static String withoutBracketHeader(String title) {
        if (title == null) {
            return null;
        }
        String rest = BRACKET_HEADER.matcher(title).replaceFirst("").strip();
        return rest.isEmpty() ? title : rest;
    }

    /** A bracket header in front of the lead goes; on a line of its own it goes with the line. */
    private static List<String> dropLeadingBracketHeader(List<String> lines) {
        int first = firstNonBlank(lines);
        if (first < 0 || !BRACKET_HEADER.matcher(lines.get(first)).find()) {
            return lines;
        }
        List<String> result = new ArrayList<>(lines);
        String rest = BRACKET_HEADER.matcher(lines.get(first)).replaceFirst("").strip();
        if (rest.isEmpty()) {
            result.remove(first);
        } else {
            result.set(first, rest);
        }
        return result;
    }

    private static List<String> dropDebrisAndRepeats(List<String> lines) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            if (Debris.isDebrisLine(line)) {
                continue;
            }
            // A repeated short line is a widget rendered twice ("Image Source", captions), not content.
            if (!line.isEmpty() && line.length() < PROSE_LINE && !seen.add(Debris.normalise(line))) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }

    private static int findDateline(List<String> lines) {
        int nonBlank = 0;
        for (int i = 0; i < lines.size() && nonBlank < HEADER_LINES; i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            nonBlank++;
            if (line.length() <= DATELINE_MAX) {
                DateExtractor.Found found = DateExtractor.first(line);
                // "23 December 2025 | Tuesday", "Release Date:2025/05/01", "Dec 15, 2025 14:19 CST"
                // A short Chinese sentence that opens with its date ("11月8日，青禾生物宣布……。") is the lead, not a dateline.
                if (found != null && found.start() <= 16 && !line.endsWith("。")) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean looksLikeTitle(List<String> lines) {
        int first = firstNonBlank(lines);
        if (first < 0) {
            return false;
        }
        String line = lines.get(first);
        boolean moreFollows = lines.subList(first + 1, lines.size()).stream().anyMatch(l -> !l.isEmpty());
        return moreFollows && line.length() <= PROSE_LINE && !line.endsWith(".") && !line.endsWith("。");
    }

    /** Drops lines at the top that repeat the title, also behind a breadcrumb ("Home News Title"). */
    private static List<String> dropLeadingTitleRepeats(List<String> lines, String title) {
        String t = Debris.normalise(title);
        List<String> result = new ArrayList<>(lines);
        int checked = 0;
        for (int i = 0; i < result.size() && checked < 3; ) {
            String l = Debris.normalise(result.get(i));
            if (l.isEmpty()) {
                i++;
                continue;
            }
            checked++;
            if (l.equals(t) || (l.endsWith(t) && l.length() < t.length() + 60)) {
                result.remove(i);
            } else {
                i++;
            }
        }
        return result;
    }

    private static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean pendingBlank = false;
        for (String line : lines) {
            if (line.isEmpty()) {
                pendingBlank = sb.length() > 0;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(pendingBlank ? "\n\n" : "\n");
            }
            sb.append(line);
            pendingBlank = false;
        }
        return sb.toString();
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static String lastNonBlank(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isEmpty()) {
                return lines.get(i);
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
