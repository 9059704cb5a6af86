package io.bioalert.classifier.core.lexicon;

/** Context words from cues.tsv. The rules that read them say what each one means in their context. */
public enum Cue {
    HISTORY, CONCESSIVE, AFTER, INTENTION, NEGATION, POSSESS, CURRENT, ACTION, ALSO,
    PRIOR, COMPARE, COMBINE, OTHER, REL_PRE, REL_POST, POP, REDUCE
}
