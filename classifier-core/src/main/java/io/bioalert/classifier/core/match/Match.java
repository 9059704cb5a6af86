package io.bioalert.classifier.core.match;

import io.bioalert.classifier.core.lexicon.Entry;
import io.bioalert.classifier.core.lexicon.Kind;

/** A dictionary phrase found at tokens [from, to). */
public record Match(int from, int to, Entry entry) {

    public Kind kind() {
        return entry.kind();
    }

    public String value() {
        return entry.value();
    }

    public int length() {
        return to - from;
    }
}
