package io.bioalert.notify.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * The ids of taxonomy.md a watchlist filter may name, as notify reads them: bioalert-model's
 * {@link io.bioalert.model.Taxonomy}, the one list shared with the classifier. A filter naming anything else
 * could never match, so the API rejects it with the valid ids.
 */
public final class Taxonomy {

    public static final SortedSet<String> TARGETS = io.bioalert.model.Taxonomy.TARGETS;

    /** Parents of each modality (section 2). ANTIBODY and BIOLOGIC are watchable parents only. */
    public static final Map<String, List<String>> MODALITY_PARENTS = io.bioalert.model.Taxonomy.MODALITY_PARENTS;

    public static final SortedSet<String> MODALITIES = io.bioalert.model.Taxonomy.MODALITIES;

    public static final SortedSet<String> EVENT_TYPES = io.bioalert.model.Taxonomy.EVENT_TYPES;

    public static final SortedSet<String> AGENCIES = io.bioalert.model.Taxonomy.AGENCIES;

    private Taxonomy() {
    }

    /** The modality and every ancestor, so that a watch on a parent matches its children. */
    public static Set<String> withAncestors(String modality) {
        return io.bioalert.model.Taxonomy.withAncestors(modality);
    }
}
