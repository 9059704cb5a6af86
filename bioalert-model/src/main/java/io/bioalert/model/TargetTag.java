package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A molecular target: HGNC symbol as id, the industry's display name, and the evidence span. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetTag(String id, String name, String evidence, Integer start, Integer end) {
}
