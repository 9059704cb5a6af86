package io.bioalert.notify.channel.email;

import java.util.regex.Pattern;

/**
 * Text made safe for a mail header. Names are refused with control characters at the API, but titles come
 * from any feed, and rows stored before that rule may still hold a line break.
 */
final class HeaderText {

    private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+");

    private HeaderText() {
    }

    static String of(String text) {
        return text == null ? "" : BREAKS.matcher(text).replaceAll(" ").strip();
    }
}
