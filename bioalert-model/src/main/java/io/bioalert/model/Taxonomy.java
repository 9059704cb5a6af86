package io.bioalert.model;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The ids of docs/taxonomy.md, the one list of them: the classifier may emit only these (its lexicon is
 * checked against them in a test), notify accepts exactly these in filters, and a test checks them against
 * the document itself.
 */
public final class Taxonomy {

    /** Section 1: the target ids (HGNC symbols) of the target dictionary. */
    public static final SortedSet<String> TARGETS = Collections.unmodifiableSortedSet(
            new TreeSet<>(TargetDictionary.displayNames().keySet()));

    /** Section 2: each modality with its parents. ANTIBODY and BIOLOGIC are parents only, never tagged. */
    public static final Map<String, List<String>> MODALITY_PARENTS = modalityParents();

    /** Section 2: every modality id a watch may name, parents included. */
    public static final SortedSet<String> MODALITIES = modalities();

    /** Section 3: the event types. */
    public static final SortedSet<String> EVENT_TYPES = sorted(
            "BREAKTHROUGH_THERAPY", "FAST_TRACK", "ORPHAN_DRUG", "PRIORITY_REVIEW", "RMAT", "RARE_PEDIATRIC_DISEASE",
            "PRIME", "IND_CLEARANCE", "SUBMISSION", "SUBMISSION_ACCEPTED", "POSITIVE_OPINION", "APPROVAL",
            "COMPLETE_RESPONSE", "CLINICAL_HOLD");

    /** Section 3: the agencies. */
    public static final SortedSet<String> AGENCIES = sorted(
            "FDA", "NMPA", "EMA", "PMDA", "MHRA", "HEALTH_CANADA", "TGA", "OTHER");

    /** Section 6: the kinds of catalyst. */
    public static final SortedSet<String> CATALYST_KINDS = sorted("PDUFA", "ADCOM", "DECISION_EXPECTED", "READOUT");

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

    private static Map<String, List<String>> modalityParents() {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put("MONOCLONAL_ANTIBODY", List.of("ANTIBODY"));
        parents.put("BISPECIFIC_ANTIBODY", List.of("ANTIBODY"));
        parents.put("ADC", List.of("ANTIBODY"));
        parents.put("BISPECIFIC_ADC", List.of("ADC", "BISPECIFIC_ANTIBODY"));
        parents.put("FUSION_PROTEIN", List.of("BIOLOGIC"));
        parents.put("SMALL_MOLECULE", List.of());
        parents.put("CELL_THERAPY", List.of());
        parents.put("CAR_T", List.of("CELL_THERAPY"));
        parents.put("GENE_THERAPY", List.of());
        parents.put("OLIGONUCLEOTIDE", List.of());
        parents.put("MRNA", List.of());
        parents.put("VACCINE", List.of());
        parents.put("RADIOPHARMACEUTICAL", List.of());
        parents.put("PEPTIDE", List.of());
        parents.put("PROTEIN_DEGRADER", List.of("SMALL_MOLECULE"));
        parents.put("ONCOLYTIC_VIRUS", List.of());
        return Collections.unmodifiableMap(parents);
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
