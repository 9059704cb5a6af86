package io.bioalert.notify.taxonomy;

import io.bioalert.model.TargetDictionary;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ids of taxonomy.md a watchlist filter may name. The lists are the contract with the classifier:
 * a filter naming anything else could never match, so the API rejects it with the valid ids.
 */
public final class Taxonomy {

    /** The ids the classifier knows by name (bioalert-model's target dictionary): one list for both. */
    public static final SortedSet<String> TARGETS = Collections.unmodifiableSortedSet(
            new TreeSet<>(TargetDictionary.displayNames().keySet()));

    /** Parents of each modality (section 2). ANTIBODY and BIOLOGIC are watchable parents only. */
    public static final Map<String, List<String>> MODALITY_PARENTS = Map.ofEntries(
            Map.entry("MONOCLONAL_ANTIBODY", List.of("ANTIBODY")),
            Map.entry("BISPECIFIC_ANTIBODY", List.of("ANTIBODY")),
            Map.entry("ADC", List.of("ANTIBODY")),
            Map.entry("BISPECIFIC_ADC", List.of("ADC", "BISPECIFIC_ANTIBODY")),
            Map.entry("FUSION_PROTEIN", List.of("BIOLOGIC")),
            Map.entry("SMALL_MOLECULE", List.of()),
            Map.entry("CELL_THERAPY", List.of()),
            Map.entry("CAR_T", List.of("CELL_THERAPY")),
            Map.entry("GENE_THERAPY", List.of()),
            Map.entry("OLIGONUCLEOTIDE", List.of()),
            Map.entry("MRNA", List.of()),
            Map.entry("VACCINE", List.of()),
            Map.entry("RADIOPHARMACEUTICAL", List.of()),
            Map.entry("PEPTIDE", List.of()),
            Map.entry("PROTEIN_DEGRADER", List.of("SMALL_MOLECULE")),
            Map.entry("ONCOLYTIC_VIRUS", List.of()));

    public static final SortedSet<String> MODALITIES = modalities();

    public static final SortedSet<String> EVENT_TYPES = sorted(
            "BREAKTHROUGH_THERAPY", "FAST_TRACK", "ORPHAN_DRUG", "PRIORITY_REVIEW", "RMAT", "RARE_PEDIATRIC_DISEASE",
            "PRIME", "IND_CLEARANCE", "SUBMISSION", "SUBMISSION_ACCEPTED", "POSITIVE_OPINION", "APPROVAL",
            "COMPLETE_RESPONSE", "CLINICAL_HOLD");

    public static final SortedSet<String> AGENCIES = sorted(
            "FDA", "NMPA", "EMA", "PMDA", "MHRA", "HEALTH_CANADA", "TGA", "OTHER");

    private Taxonomy() {
    }

    /** The modality and every ancestor, so that a watch on a parent matches its children. */
    public static Set<String> withAncestors(String modality) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(modality));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (out.add(m)) {
                todo.addAll(MODALITY_PARENTS.getOrDefault(m, List.of()));
            }
        }
        return out;
    }

    private static SortedSet<String> modalities() {
        TreeSet<String> all = new TreeSet<>(MODALITY_PARENTS.keySet());
        MODALITY_PARENTS.values().forEach(all::addAll);
        return Collections.unmodifiableSortedSet(all);
    }

    private static SortedSet<String> sorted(String... ids) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(List.of(ids)));
    }
}
