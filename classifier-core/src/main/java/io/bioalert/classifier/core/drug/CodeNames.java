package io.bioalert.classifier.core.drug;

/**
 * Recognises development code names (JSKN003, HS-20089, BL-B01D1, RP-A501, mRNA-1273, BNT162b2) with a
 * hand-written scan instead of a regular expression: one pass over a short word, no backtracking.
 */
final class CodeNames {

    private CodeNames() {
    }

    /**
     * Shape: an optional lower-case letter, 1-6 capitals, an optional "-" plus 1-3 capitals, an optional "-",
     * 2-6 digits (1 digit only for short plain prefixes such as RP1), then up to three groups of 1-2 letters
     * with 0-3 digits ("b2", "D1").
     */
    static boolean looksLikeCode(String w) {
        int n = w.length();
        int i = 0;
        int dash = w.indexOf('-');
        if (dash >= 2 && dash <= 5 && dash + 1 < n && Character.isLowerCase(w.charAt(dash + 1)) && allCaps(w, 0, dash)) {
            return looksLikeCode(w.substring(dash + 1)); // a sponsor prefix on a platform code: CLD-mRNA-7
        }
        if (n > 3 && Character.isDigit(w.charAt(0)) && isCap(w.charAt(1)) && isCap(w.charAt(2))) {
            i++; // a digit before the sponsor letters: 9MW2821
        } else if (i < n && Character.isLowerCase(w.charAt(i))) {
            i++;
        }
        int caps = 0;
        while (i < n && isCap(w.charAt(i))) {
            i++;
            caps++;
        }
        if (caps < 1 || caps > 6) {
            return false;
        }
        boolean hyphenGroup = false;
        if (i + 1 < n && w.charAt(i) == '-' && isCap(w.charAt(i + 1))) {
            int j = i + 1;
            int more = 0;
            while (j < n && isCap(w.charAt(j))) {
                j++;
                more++;
            }
            if (more <= 3 && j < n && Character.isDigit(w.charAt(j))) {
                i = j;
                hyphenGroup = true;
                caps += more;
            }
        }
        boolean hyphen = false;
        if (i < n && w.charAt(i) == '-') {
            i++;
            hyphen = true;
        }
        int digits = 0;
        while (i < n && Character.isDigit(w.charAt(i))) {
            i++;
            digits++;
        }
        // "RP1", "VT-9", "DB-1": one digit only after a short plain prefix (PD-1 and IL-2 are targets, found first)
        // "SW-OV3": a one-digit code after two short letter groups (HLA-A2 and the like are NOT_CODE words)
        boolean shortPlain = digits == 1 && caps >= 2 && caps <= (hyphen || hyphenGroup ? 5 : 3);
        if (digits > 6 || (digits < 2 && !shortPlain)) {
            return false;
        }
        if (caps < 2 && digits < 3) {
            return false; // G12C, T1D, Q2: a mutation, a disease, a quarter
        }
        if (caps == 1 && !hyphen && i + 1 == n && isCap(w.charAt(i))) {
            return false; // L858R, T790M: a point mutation
        }
        for (int groups = 0; i < n && groups < 3; groups++) {
            int letters = 0;
            while (i < n && Character.isLetter(w.charAt(i)) && letters < 2) {
                i++;
                letters++;
            }
            int d = 0;
            while (i < n && Character.isDigit(w.charAt(i)) && d < 3) {
                i++;
                d++;
            }
            if (letters == 0) {
                break;
            }
        }
        return i == n;
    }

    /** Radiopharmaceutical names that open with an isotope: 177Lu-PSMA-617, 68Ga-PSMA-11, Lu-177-... */
    static boolean looksLikeIsotopeName(String w) {
        int i = 0;
        int n = w.length();
        while (i < n && Character.isDigit(w.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 3 || i >= n || !isCap(w.charAt(i))) {
            return false;
        }
        int j = i + 1;
        if (j < n && Character.isLowerCase(w.charAt(j))) {
            j++;
        }
        return j < n - 2 && w.charAt(j) == '-' && w.indexOf('-', j + 1) > 0;
    }

    private static boolean allCaps(String w, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!isCap(w.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCap(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
