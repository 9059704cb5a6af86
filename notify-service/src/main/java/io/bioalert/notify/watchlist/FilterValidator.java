package io.bioalert.notify.watchlist;

import io.bioalert.notify.api.InvalidFieldException;
import io.bioalert.notify.matching.Text;
import io.bioalert.notify.matching.WatchFilter;
import io.bioalert.notify.taxonomy.Taxonomy;
import java.util.List;
import java.util.Set;

/** Taxonomy ids in a filter must exist; an unknown one is answered with the list of valid ones. */
public final class FilterValidator {

    private FilterValidator() {
    }

    public static void validate(WatchFilter f) {
        check("filter.targets", f.targets(), Taxonomy.TARGETS);
        check("filter.modalities", f.modalities(), Taxonomy.MODALITIES);
        check("filter.eventTypes", f.eventTypes(), Taxonomy.EVENT_TYPES);
        check("filter.agencies", f.agencies(), Taxonomy.AGENCIES);
        checkText("filter.companies", f.companies());
        checkText("filter.drugs", f.drugs());
        checkText("filter.keywords", f.keywords());
        if (f.isEmpty()) {
            throw new InvalidFieldException("filter", "must name at least one target, modality, event type, agency, "
                    + "company, drug or keyword");
        }
    }

    private static void check(String field, List<String> values, Set<String> valid) {
        for (int i = 0; i < values.size(); i++) {
            if (!valid.contains(Text.id(values.get(i)))) {
                throw new InvalidFieldException(field + "[" + i + "]",
                        "'" + values.get(i) + "' is not a known id; valid ids: " + String.join(", ", valid), valid);
            }
        }
    }

    /** A term with no letter or digit normalises to nothing and could never match. */
    private static void checkText(String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (Text.phrase(values.get(i)).isEmpty()) {
                throw new InvalidFieldException(field + "[" + i + "]", "must contain a letter or digit");
            }
        }
    }
}
