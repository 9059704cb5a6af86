package io.bioalert.notify.calendar.feed;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 section 3.1: content lines longer than 75 octets are folded, a CRLF and a space inserted, never
 * inside a UTF-8 sequence. ical4j's writer folds at 75 characters, which is up to 225 octets of Chinese
 * evidence (and may split a surrogate pair), so the feed is folded here instead, by octets and code points.
 */
final class OctetFolding {

    static final int MAX_OCTETS = 75;

    private OctetFolding() {
    }

    /** Folds each CRLF-ended content line of {@code unfolded}; the result ends with CRLF. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > MAX_OCTETS) {
                    out.append("\r\n ");
                    octets = 1; // the space that marks a continuation counts
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
