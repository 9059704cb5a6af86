package io.bioalert.classifier.core.lexicon;

/** What a dictionary phrase denotes. One automaton holds all kinds, so a text is scanned once. */
public enum Kind {
    TARGET,
    MODALITY,
    /** A piece of an event statement: a designation, an application noun, a decision verb (see EventLexicon roles). */
    EVENT,
    AGENCY,
    /** A country or region that stands for its regulator ("approved in Japan"). */
    COUNTRY,
    DRUG,
    COMPANY,
    DISEASE,
    /** A context word: history, intention, prior therapy, relation to a target... (see Cue). */
    CUE
}
