package io.bioalert.notify.matching;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link WatchFilter} in the form the matcher checks fastest: normalised arrays, padded phrases, and the
 * one field (the anchor) under whose values the watchlist is indexed.
 */
final class CompiledFilter {

    final String[] targets;
    final String[] modalities;
    final String[] eventTypes;
    final String[] agencies;
    final String[] drugs;
    final String[] paddedCompanies;
    final String[] paddedKeywords;
    final boolean includeHistory;
    final Field anchor;
    final String[] anchorKeys;
    /** True when a hit on the anchor key alone proves the match, so candidates need no further check. */
    final boolean exact;
    /** The words of each keyword phrase, checked against the text's word set before the costlier phrase scan. */
    private final String[][] keywordWords;

    CompiledFilter(WatchFilter f) {
        targets = norm(f.targets(), Text::id);
        modalities = norm(f.modalities(), Text::id);
        eventTypes = norm(f.eventTypes(), Text::id);
        agencies = norm(f.agencies(), Text::id);
        drugs = norm(f.drugs(), Text::drug);
        paddedCompanies = norm(f.companies(), s -> " " + Text.phrase(s) + " ");
        paddedKeywords = norm(f.keywords(), s -> " " + Text.phrase(s) + " ");
        includeHistory = f.includeHistory();
        anchor = chooseAnchor();
        anchorKeys = switch (anchor) {
            case DRUG -> drugs.clone();
            case COMPANY_WORD -> rarestWords(paddedCompanies);
            case TARGET_EVENT -> pairs(targets, eventTypes);
            case TARGET_MODALITY -> pairs(targets, modalities);
            case TARGET -> targets.clone();
            case KEYWORD -> keywordKeys(paddedKeywords);
            case MODALITY_EVENT_AGENCY -> pairs(pairs(modalities, eventTypes), agencies);
            case MODALITY_EVENT -> pairs(modalities, eventTypes);
            case MODALITY -> modalities.clone();
            case EVENT_AGENCY -> pairs(eventTypes, agencies);
            case EVENT_TYPE -> eventTypes.clone();
            case AGENCY -> agencies.clone();
        };
        if (anchor.involvesEvents() && !includeHistory) {
            // Posted under "KEY!", which only primary events produce: history never reaches this filter.
            for (int i = 0; i < anchorKeys.length; i++) {
                anchorKeys[i] = anchorKeys[i] + AnnouncementFacts.PRIMARY;
            }
        }
        exact = anchorCoversEverything();
        keywordWords = Arrays.stream(paddedKeywords).map(k -> k.trim().split(" ")).toArray(String[][]::new);
    }

    /**
     * Index under what is likely rarest in announcements, so that an announcement's candidates are mostly
     * real matches: a drug code, a company, a target with its event or modality, a keyword, a modality with
     * its event, an event with its agency; single commoner fields only when a filter has nothing else.
     * A pair is used while the cross product of the two value lists stays small.
     */
    private Field chooseAnchor() {
        if (drugs.length > 0) {
            return Field.DRUG;
        } else if (paddedCompanies.length > 0) {
            return Field.COMPANY_WORD;
        } else if (targets.length > 0) {
            if (small(targets, eventTypes)) {
                return Field.TARGET_EVENT;
            }
            return small(targets, modalities) ? Field.TARGET_MODALITY : Field.TARGET;
        } else if (paddedKeywords.length > 0) {
            return Field.KEYWORD;
        } else if (modalities.length > 0) {
            if (small(modalities, eventTypes) && agencies.length > 0
                    && modalities.length * eventTypes.length * agencies.length <= 16) {
                return Field.MODALITY_EVENT_AGENCY;
            }
            return small(modalities, eventTypes) ? Field.MODALITY_EVENT : Field.MODALITY;
        } else if (eventTypes.length > 0) {
            return small(eventTypes, agencies) ? Field.EVENT_AGENCY : Field.EVENT_TYPE;
        } else if (agencies.length > 0) {
            return Field.AGENCY;
        }
        throw new IllegalArgumentException("a filter must name at least one criterion");
    }

    private boolean anchorCoversEverything() {
        boolean t = targets.length > 0;
        boolean m = modalities.length > 0;
        boolean e = eventTypes.length > 0;
        boolean g = agencies.length > 0;
        if (paddedCompanies.length > 0) {
            return false;
        }
        if (paddedKeywords.length > 0) {
            // A phrase of one or two words is found exactly by its word or word pair key.
            return anchor == Field.KEYWORD && !t && !m && !e && !g
                    && Arrays.stream(paddedKeywords).allMatch(k -> k.trim().split(" ").length <= 2);
        }
        return switch (anchor) {
            case DRUG -> !t && !m && !e && !g;
            case TARGET_EVENT -> !m && !g;
            case TARGET_MODALITY -> !e && !g;
            case TARGET -> !m && !e && !g;
            case MODALITY_EVENT_AGENCY -> !t;
            case MODALITY_EVENT -> !t && !g;
            case MODALITY -> !t && !e && !g;
            case EVENT_AGENCY -> !t && !m;
            case EVENT_TYPE -> !t && !m && !g;
            case AGENCY -> !t && !m && !e;
            case COMPANY_WORD, KEYWORD -> false;
        };
    }

    private static boolean small(String[] a, String[] b) {
        return a.length > 0 && b.length > 0 && a.length * b.length <= 16;
    }

    static String[] pairs(String[] a, String[] b) {
        String[] out = new String[a.length * b.length];
        int i = 0;
        for (String x : a) {
            for (String y : b) {
                out[i++] = x + '|' + y;
            }
        }
        return out;
    }

    /** Words too common in company names and prose to narrow anything down. */
    private static final java.util.Set<String> COMMON = java.util.Set.of("the", "of", "and", "for", "in", "with", "a",
            "an", "to", "by", "on", "inc", "ltd", "co", "corp", "corporation", "company", "group", "holdings",
            "limited", "plc", "ag", "sa", "gmbh", "llc", "pharma", "pharmaceutical", "pharmaceuticals", "therapeutics",
            "bio", "biotech", "biotherapeutics", "biosciences", "bioscience", "biologics", "biopharma", "oncology",
            "medicines", "medical", "sciences", "science", "laboratories", "labs", "health", "healthcare", "cancer");

    /** A phrase can only match where each of its words occurs; index it under its likely rarest word. */
    private static String[] rarestWords(String[] paddedPhrases) {
        return Arrays.stream(paddedPhrases)
                .map(p -> Arrays.stream(p.trim().split(" "))
                        .reduce("", (a, b) -> rank(b) > rank(a) ? b : a))
                .filter(w -> !w.isEmpty())
                .distinct()
                .toArray(String[]::new);
    }

    /**
     * A keyword of one word is posted under it; a longer phrase under its rarest pair of adjacent words, which
     * the announcement's text must contain as a pair, a much rarer event than either word alone.
     */
    private static String[] keywordKeys(String[] paddedPhrases) {
        return Arrays.stream(paddedPhrases).map(p -> {
            String[] w = p.trim().split(" ");
            if (w.length == 1) {
                return w[0];
            }
            int best = 0;
            for (int i = 1; i + 1 < w.length; i++) {
                if (rank(w[i]) + rank(w[i + 1]) > rank(w[best]) + rank(w[best + 1])) {
                    best = i;
                }
            }
            return w[best] + " " + w[best + 1];
        }).filter(k -> !k.isEmpty()).distinct().toArray(String[]::new);
    }

    /** Longer is rarer, and any uncommon word beats a common one. */
    private static int rank(String word) {
        return word.isEmpty() ? -1 : (COMMON.contains(word) ? 0 : 1000) + word.length();
    }

    boolean matches(AnnouncementFacts a) {
        if (targets.length > 0 && !anyIn(targets, a.targets)) {
            return false;
        }
        if (modalities.length > 0 && !anyIn(modalities, a.modalities)) {
            return false;
        }
        if (drugs.length > 0 && !anyIn(drugs, a.drugs)) {
            return false;
        }
        if (paddedCompanies.length > 0 && !anyCompany(a)) {
            return false;
        }
        if (paddedKeywords.length > 0 && !anyKeyword(a)) {
            return false;
        }
        return (eventTypes.length == 0 && agencies.length == 0) || a.hasEvent(eventTypes, agencies, includeHistory);
    }

    private boolean anyCompany(AnnouncementFacts a) {
        for (String c : paddedCompanies) {
            if (a.hasCompany(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyKeyword(AnnouncementFacts a) {
        for (int i = 0; i < paddedKeywords.length; i++) {
            if (allIn(keywordWords[i], a.textWords) && a.paddedText.contains(paddedKeywords[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean allIn(String[] words, java.util.Set<String> present) {
        for (String w : words) {
            if (!present.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyIn(String[] wanted, java.util.Set<String> present) {
        for (String w : wanted) {
            if (present.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] NONE = new String[0];

    private static String[] norm(List<String> values, Function<String, String> f) {
        if (values.isEmpty()) {
            return NONE; // most fields of most filters are empty; a million watchlists share this one
        }
        return values.stream().map(f).filter(s -> !s.isBlank()).distinct().toArray(String[]::new);
    }
}
