package io.bioalert.classifier.core.drug;

import java.util.List;

/**
 * A drug name in the text.
 *
 * @param from      first token
 * @param to        one past the last token
 * @param surface   the name as written, without trademark signs
 * @param key       identity for grouping: the dictionary's canonical name, else the squeezed lower-case surface
 * @param modality  modality known from the dictionary or the INN stem, may be null
 * @param targets   targets known from the dictionary
 * @param sideline  true when the context makes it a prior therapy, comparator, partner or competitor
 */
public record DrugMention(int from, int to, int start, int end, String surface, String key, String modality,
                          List<String> targets, boolean sideline) {

    public static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
