package io.bioalert.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The target ids (HGNC symbols) the classifier knows by name, with their display names: one file shared by
 * the classifier (which also reads its aliases) and notify (which accepts exactly these ids in filters).
 */
public final class TargetDictionary {

    public static final String RESOURCE = "/io/bioalert/model/targets.tsv";

    private static final Map<String, String> DISPLAY_NAMES = load();

    private TargetDictionary() {
    }

    /** HGNC id → display name, in the file's order. */
    public static Map<String, String> displayNames() {
        return DISPLAY_NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new LinkedHashMap<>();
        try (InputStream in = TargetDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                // A "!" after the symbol marks an ambiguous word for the classifier; the id is the symbol.
                String id = columns[0].replace("!", "").strip();
                names.putIfAbsent(id, columns.length > 1 && !columns[1].isBlank() ? columns[1].strip() : id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
