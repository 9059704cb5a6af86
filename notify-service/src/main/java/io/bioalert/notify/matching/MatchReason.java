package io.bioalert.notify.matching;

/**
 * Why a watchlist matched: which field, which value of the announcement, and the text that shows it.
 *
 * @param field    target, modality, event, company, drug or keyword
 * @param value    the announcement's value ("ERBB2", "APPROVAL/FDA", "alphamab oncology")
 * @param watched  what the watchlist asked for, when it differs (a parent modality, a keyword phrase)
 * @param evidence the span of the announcement behind it, when known
 */
public record MatchReason(String field, String value, String watched, String evidence) {
}
