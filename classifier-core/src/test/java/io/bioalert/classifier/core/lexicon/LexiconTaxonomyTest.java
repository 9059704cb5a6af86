package io.bioalert.classifier.core.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import io.bioalert.classifier.core.AnnouncementClassifier;
import io.bioalert.model.CatalystTag;
import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.Taxonomy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lexicon's ids are bioalert-model's {@link Taxonomy}, the one list notify also reads: a row that gains
 * an id the taxonomy does not know, or a taxonomy id no row can produce, fails here.
 */
class LexiconTaxonomyTest {

    /** Internal marker of modalities.tsv: a bare "antibody", resolved to MONOCLONAL_ANTIBODY or dropped. */
    private static final String WEAK_ANTIBODY = "WEAK_ANTIBODY";
    /** Tagged as parents only, through their children. */
    private static final Set<String> PARENTS_ONLY = Set.of("ANTIBODY", "BIOLOGIC");

    @Test
    void modalityRowsAreTheTaxonomysModalitiesWithTheirParents() throws IOException {
        Map<String, List<String>> parents = new HashMap<>();
        for (String[] row : rows("modalities.tsv")) {
            for (String id : row[0].split("\\+")) {
                if (!id.equals(WEAK_ANTIBODY)) {
                    List<String> listed = row.length > 1 && !row[1].isBlank()
                            ? Arrays.stream(row[1].split(",")).map(String::strip).toList() : List.of();
                    if (row[0].equals(id)) {
                        parents.merge(id, listed, (a, b) -> {
                            assertThat(b).as("parents of %s in every row", id).isEqualTo(a);
                            return a;
                        });
                    } else {
                        parents.putIfAbsent(id, null);
                    }
                }
            }
        }
        assertThat(parents.keySet()).isEqualTo(Taxonomy.MODALITY_PARENTS.keySet());
        parents.forEach((id, listed) -> {
            if (listed != null) {
                assertThat(listed).as("parents of %s", id).isEqualTo(Taxonomy.MODALITY_PARENTS.get(id));
            }
        });
        TreeSet<String> tagged = new TreeSet<>(Taxonomy.MODALITIES);
        tagged.removeAll(PARENTS_ONLY);
        assertThat(tagged).isEqualTo(new TreeSet<>(Taxonomy.MODALITY_PARENTS.keySet()));
    }

    @Test
    void designationAndAgencyRowsNameTaxonomyIds() throws IOException {
        Set<String> designations = new TreeSet<>();
        for (String[] row : rows("events.tsv")) {
            if (row[0].equals("DESIG")) {
                designations.add(row[1]);
            }
        }
        assertThat(Taxonomy.EVENT_TYPES).containsAll(designations);
        assertThat(designations).contains("BREAKTHROUGH_THERAPY", "FAST_TRACK", "ORPHAN_DRUG", "PRIME");

        Set<String> agencies = new TreeSet<>();
        for (String[] row : rows("agencies.tsv")) {
            agencies.add(row[0]);
        }
        assertThat(agencies).isEqualTo(Taxonomy.AGENCIES);
    }

    @Test
    void drugKnowledgeNamesTaxonomyModalitiesAndTargets() throws IOException {
        for (String[] row : rows("drugs.tsv")) {
            if (row.length > 2 && !row[2].isBlank()) {
                assertThat(Taxonomy.MODALITIES).as("modality of %s", row[0]).contains(row[2]);
            }
            if (row.length > 3 && !row[3].isBlank()) {
                for (String target : row[3].split("[,|]")) {
                    assertThat(Taxonomy.TARGETS).as("target of %s", row[0]).contains(target.strip());
                }
            }
        }
    }

    /**
     * Event types and catalyst kinds are also made in code (an approval verb becomes APPROVAL); what the
     * classifier emits for the regression fixtures is held to the taxonomy too.
     */
    @Test
    void everyIdTheClassifierEmitsIsATaxonomyId() throws IOException {
        AnnouncementClassifier classifier = AnnouncementClassifier.fromResources();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Set<String> events = new TreeSet<>();
        Set<String> agencies = new TreeSet<>();
        int documents = 0;
        try (var in = getClass().getResourceAsStream("/regression/announcements.jsonl")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                var doc = json.readTree(line);
                Classification c = classifier.classify(doc.path("id").asText(), doc.path("title").asText(null),
                        doc.path("body").asText(), null);
                documents++;
                for (ModalityTag m : c.modalities()) {
                    assertThat(Taxonomy.MODALITIES).contains(m.id());
                }
                for (EventTag e : c.events()) {
                    events.add(e.type());
                    if (e.agency() != null) {
                        agencies.add(e.agency());
                    }
                }
                for (CatalystTag k : c.catalysts() == null ? List.<CatalystTag>of() : c.catalysts()) {
                    assertThat(Taxonomy.CATALYST_KINDS).contains(k.kind());
                }
            }
        }
        assertThat(documents).isGreaterThan(20);
        assertThat(Taxonomy.EVENT_TYPES).containsAll(events);
        assertThat(Taxonomy.AGENCIES).containsAll(agencies);
        assertThat(events).as("the fixtures exercise the event rules").hasSizeGreaterThan(5);
    }

    private static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var in = LexiconTaxonomyTest.class.getResourceAsStream("/lexicon/" + file)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        assertThat(rows).as(file).isNotEmpty();
        return rows;
    }
}
