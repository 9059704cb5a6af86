package io.bioalert.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ids of {@link Taxonomy} are those of docs/taxonomy.md, the contract: neither side has one the other lacks. */
class TaxonomyContractTest {

    private static final Path DOC = Path.of("..", "docs", "taxonomy.md");

    @Test
    void modalitiesAndTheirParentsAreTheDocumentsSection2() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (List<String> row : table("## 2. Modalities")) {
            documented.put(row.get(0), row.get(2).isBlank() ? List.of()
                    : Arrays.stream(row.get(2).split(",")).map(String::strip).toList());
        }
        assertThat(documented).isEqualTo(Taxonomy.MODALITY_PARENTS);
        assertThat(Taxonomy.withAncestors("BISPECIFIC_ADC")).containsExactly("BISPECIFIC_ADC", "ADC",
                "BISPECIFIC_ANTIBODY", "ANTIBODY");
    }

    @Test
    void eventTypesAndAgenciesAreTheDocumentsSection3() throws IOException {
        assertThat(firstColumn(table("| type | covers |"))).isEqualTo(Taxonomy.EVENT_TYPES);
        assertThat(firstColumn(table("| agency | covers |"))).isEqualTo(Taxonomy.AGENCIES);
    }

    @Test
    void catalystKindsAreTheDocumentsSection6() throws IOException {
        assertThat(firstColumn(table("| kind | covers |"))).isEqualTo(Taxonomy.CATALYST_KINDS);
    }

    @Test
    void everyTargetTheDocumentNamesInItsTableIsAKnownTarget() throws IOException {
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (List<String> row : table("## 1. Targets")) {
            // "MUC1 / MUC17" is read id by id; "CD20 (MS4A1)" names the id either way round ("FOLH1 (PSMA)"),
            // so one of the two must be known; "NTRK1-3" and the closing "…" are no ids.
            for (String part : row.get(0).split("/")) {
                List<String> symbols = Arrays.stream(part.replace("(", " ").replace(")", " ").strip().split("\\s+"))
                        .filter(s -> s.matches("[A-Z0-9]+")).toList();
                if (!symbols.isEmpty()) {
                    named++;
                    if (symbols.stream().noneMatch(Taxonomy.TARGETS::contains)) {
                        unknown.add(part.strip());
                    }
                }
            }
        }
        assertThat(named).isGreaterThan(40);
        assertThat(unknown).as("targets of the document's table the dictionary does not know").isEmpty();
    }

    private static TreeSet<String> firstColumn(List<List<String>> rows) {
        return new TreeSet<>(rows.stream().map(r -> r.get(0)).toList());
    }

    /** The rows of the first table after the line that starts with {@code marker}, header and rule left out. */
    private static List<List<String>> table(String marker) throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int i = 0;
        while (!lines.get(i).startsWith(marker)) {
            i++;
        }
        while (!lines.get(i).startsWith("|---")) {
            i++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (i++; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList());
        }
        assertThat(rows).as("table after %s", marker).isNotEmpty();
        return rows;
    }
}
