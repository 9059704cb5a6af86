package io.bioalert.notify.matching;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a watchlist asks for. AND across the fields that are not empty, OR within a field. Event types and
 * agencies are judged on the same event ("an FDA approval", not "an approval by someone and an FDA fast
 * track"), and only on primary events unless {@code includeHistory} is set.
 */
public record WatchFilter(
        @Size(max = 100) List<@NotBlank @Size(max = 40) String> targets,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> modalities,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> eventTypes,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> agencies,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> companies,
        @Size(max = 500) List<@NotBlank @Size(max = 100) String> drugs,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> keywords,
        boolean includeHistory) {

    public WatchFilter {
        targets = clean(targets);
        modalities = clean(modalities);
        eventTypes = clean(eventTypes);
        agencies = clean(agencies);
        companies = clean(companies);
        drugs = clean(drugs);
        keywords = clean(keywords);
    }

    /** A filter that names nothing would match every announcement; the API refuses it. */
    @JsonIgnore
    public boolean isEmpty() {
        return targets.isEmpty() && modalities.isEmpty() && eventTypes.isEmpty() && agencies.isEmpty()
                && companies.isEmpty() && drugs.isEmpty() && keywords.isEmpty();
    }

    private static List<String> clean(List<String> values) {
        // Nulls stay in so that bean validation can name the element; blanks are refused there too.
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
