package io.bioalert.classifier.core.lexicon;

/**
 * One dictionary phrase's meaning.
 *
 * @param kind    what the phrase denotes
 * @param value   the id (HGNC symbol, modality id, agency, cue name, canonical drug name...)
 * @param caseKey non-null when the alias only counts in this exact letter case ("MET", not "met")
 */
public record Entry(Kind kind, String value, String caseKey, int cueBit) {

    public Entry(Kind kind, String value, String caseKey) {
        this(kind, value, caseKey, kind == Kind.CUE ? 1 << Cue.valueOf(value).ordinal() : 0);
    }
}
