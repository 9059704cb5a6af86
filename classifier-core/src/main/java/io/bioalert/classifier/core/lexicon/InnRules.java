package io.bioalert.classifier.core.lexicon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WHO INN stems and code-name exceptions from inn.tsv: how an unknown word is recognised as a drug name
 * and which modality its stem implies ("-mab" antibody, "-tinib" small molecule, "-cept" fusion protein).
 */
public final class InnRules {
    private record Stem(String suffix, String modality) {
    }

    private final List<Stem> stems = new ArrayList<>();
    /** Stems by their last letter: a word is compared only with stems that can end it. */
    @SuppressWarnings("unchecked")
    private final List<Stem>[] stemsByLastLetter = new List[128];
    private final Set<String> payloads = new HashSet<>();
    private final Set<String> seconds = new HashSet<>();
    private final Set<String> notDrug = new HashSet<>();
    private final Set<String> notCode = new HashSet<>();
    /** Chinese INN endings (two ideographs, simplified) and the modality each implies. */
    private final java.util.Map<String, String> chineseStems = new java.util.HashMap<>();
    private final Set<String> chineseBoundaries = new HashSet<>();

    void add(String kind, List<String> values) {
        if (kind.startsWith("ZH_STEM:")) {
            values.forEach(v -> chineseStems.put(v, kind.substring(8)));
        } else if (kind.equals("ZH_BOUNDARY")) {
            chineseBoundaries.addAll(values);
        } else if (kind.startsWith("STEM:")) {
            String modality = kind.substring(5);
            values.forEach(v -> stems.add(new Stem(v.toLowerCase(Locale.ROOT), modality)));
            // longest suffix first: "-glutide" must win over "-tide"
            stems.sort((a, b) -> b.suffix.length() - a.suffix.length());
            java.util.Arrays.fill(stemsByLastLetter, null);
            for (Stem st : stems) {
                char last = st.suffix.charAt(st.suffix.length() - 1);
                if (stemsByLastLetter[last] == null) {
                    stemsByLastLetter[last] = new ArrayList<>();
                }
                stemsByLastLetter[last].add(st);
            }
        } else {
            Set<String> target = switch (kind) {
                case "PAYLOAD" -> payloads;
                case "SECOND" -> seconds;
                case "NOT_DRUG" -> notDrug;
                case "NOT_CODE" -> notCode;
                default -> throw new IllegalArgumentException("inn.tsv: unknown kind " + kind);
            };
            values.forEach(v -> target.add(v.toLowerCase(Locale.ROOT)));
        }
    }

    /** The modality implied by an INN-like lower-case word, or null when the word is not one. */
    public String stemModality(String lowerWord) {
        if (lowerWord.length() < 7) {
            return null;
        }
        char last = lowerWord.charAt(lowerWord.length() - 1);
        List<Stem> candidates = last < 128 ? stemsByLastLetter[last] : null;
        if (candidates == null || notDrug.contains(lowerWord) || payloads.contains(lowerWord)) {
            return null;
        }
        if (lowerWord.endsWith("nucleotide") || lowerWord.endsWith("nucleotides")) {
            return null; // "ectonucleotide", "dinucleotide": chemistry words, not "-tide" peptides
        }
        for (Stem s : candidates) {
            if (lowerWord.endsWith(s.suffix)) {
                if (s.suffix.endsWith("gene") && lowerWord.length() < 11) {
                    return null;
                }
                return s.modality;
            }
        }
        return null;
    }

    /** A payload word ("vedotin") turns the preceding antibody INN into an ADC name. */
    public boolean isPayload(String lowerWord) {
        if (payloads.contains(lowerWord)) {
            return true;
        }
        return lowerWord.length() >= 8 && (lowerWord.endsWith("tecan") || lowerWord.endsWith("dotin")
                || lowerWord.endsWith("tansine") || lowerWord.endsWith("tesirine"));
    }

    /** Second word of a two-word INN ("autoleucel", "abeparvovec"). */
    public boolean isSecondWord(String lowerWord) {
        if (seconds.contains(lowerWord)) {
            return true;
        }
        for (String s : seconds) {
            if (lowerWord.length() > s.length() + 2 && lowerWord.endsWith(s)) {
                return true;
            }
        }
        return false;
    }

    /** The modality implied by a Chinese INN ending (two simplified ideographs), or null. */
    public String chineseStemModality(String ending) {
        return chineseStems.get(ending);
    }

    /** An ideograph (simplified) that never occurs inside a Chinese drug name. */
    public boolean isChineseBoundary(String ideograph) {
        return chineseBoundaries.contains(ideograph);
    }

    public boolean isNotCode(String word) {
        return notCode.contains(word.toLowerCase(Locale.ROOT));
    }
}
