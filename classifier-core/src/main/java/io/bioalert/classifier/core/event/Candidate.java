package io.bioalert.classifier.core.event;

/** A regulatory event statement found in one sentence, refined by the passes of {@link EventExtractor}. */
final class Candidate {
    final String type;
    /** The event word: designation, application noun, CRL, decision verb. */
    final int anchorFrom;
    final int anchorTo;
    /** The decision word when it is not the anchor ("accepted" for "the NDA ... has been accepted"), else -1. */
    final int verb;
    /** Designations and decision nouns need a grant-type verb to be an event outside the headline. */
    final boolean needsAction;
    /** IND "accepted": an IND in effect only for the FDA (elsewhere acceptance is a filing receipt). */
    boolean onlyFda;
    String agency;
    /** The only agency that grants this kind of designation, if any. */
    String implied;
    boolean agencyExplicit;
    /** The agency is only the story's: nothing in the sentence or paragraph names one. */
    boolean storyAgency;
    boolean possession;
    boolean primary;
    /** The date written closest to this event in its sentence, if any. */
    io.bioalert.classifier.core.text.DateMention date;
    int sentence;
    int paragraph;
    boolean zone;
    /** Neighbouring events of the sentence bound what belongs to this one (dates, agencies): [lo, hi). */
    int lo;
    /** End of the list of events this one is coordinated with ("BTD, ODD and FTD by the FDA"). */
    int chainEnd;
    /** Evidence span in tokens: the statement from its grant verb to its agency, [evidenceFrom, evidenceTo). */
    int evidenceFrom = -1;
    int evidenceTo = -1;
    int hi = Integer.MAX_VALUE;

    Candidate(String type, int anchorFrom, int anchorTo, int verb, boolean needsAction) {
        this.type = type;
        this.anchorFrom = anchorFrom;
        this.anchorTo = anchorTo;
        this.verb = verb;
        this.needsAction = needsAction;
    }

    int first() {
        return verb >= 0 ? Math.min(verb, anchorFrom) : anchorFrom;
    }

    int last() {
        return verb >= 0 ? Math.max(verb + 1, anchorTo) : anchorTo;
    }
}
