package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A modality id from taxonomy.md section 2 (most specific that applies) with its evidence span. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModalityTag(String id, String evidence, Integer start, Integer end) {
}
