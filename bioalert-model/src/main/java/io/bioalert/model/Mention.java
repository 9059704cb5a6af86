package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The text span behind one entity string of a {@link Classification}.
 *
 * @param kind one of DRUG, COMPANY, INDICATION, TRIAL
 * @param name the normalised string as it appears in the classification's list
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mention(String kind, String name, String evidence, Integer start, Integer end) {
}
