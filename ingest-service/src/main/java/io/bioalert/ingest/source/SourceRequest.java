package io.bioalert.ingest.source;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new source.
 *
 * @param pollIntervalSeconds how often to poll; the service default when null
 * @param linkPattern         for LISTING sources: a regular expression article links must match (optional)
 */
public record SourceRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N} ._:/-]+", message = "letters, digits, space and ._:/- only") String name,
        @NotNull SourceKind kind,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Min(10) @Max(7 * 24 * 3600) Integer pollIntervalSeconds,
        @Size(max = 500) String linkPattern) {
}
