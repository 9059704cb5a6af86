package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A regulatory event (taxonomy.md section 3). {@code primary} is true when the event is the news of the
 * announcement, false when it is history or background.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTag(String type, String agency, boolean primary, String evidence, Integer start, Integer end) {
}
