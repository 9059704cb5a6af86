package io.bioalert.notify.matching;

/**
 * What a watchlist can be indexed under, each with its own posting map, in the order the anchor is
 * chosen. Pairs ("ERBB2|APPROVAL") are far more selective than either part: a watch on "HER2 approvals"
 * posted under APPROVAL alone would be a candidate for every approval of any target.
 */
enum Field {
    DRUG, COMPANY_WORD, TARGET_EVENT, TARGET_MODALITY, TARGET, KEYWORD, MODALITY_EVENT_AGENCY, MODALITY_EVENT,
    MODALITY, EVENT_AGENCY, EVENT_TYPE, AGENCY;

    /** Keys of these fields come from events, and carry whether the event was primary. */
    boolean involvesEvents() {
        return this == TARGET_EVENT || this == MODALITY_EVENT || this == MODALITY_EVENT_AGENCY || this == EVENT_AGENCY || this == EVENT_TYPE
                || this == AGENCY;
    }
}
