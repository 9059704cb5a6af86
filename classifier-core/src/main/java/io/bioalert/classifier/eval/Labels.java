package io.bioalert.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One document's labels in the comparable form of the accuracy evaluation: the same reduction as the shared
 * {@code score.py} (target ids with IL2 scored as IL2RA, most specific modality ids, (type, agency) of
 * primary and of all events, drug names without case, spaces, hyphens or underscores).
 */
public record Labels(Map<Dimension, Set<String>> sets, Set<String> targetsOk) {

    /** Scored as the same target, as in score.py. */
    private static final Map<String, String> TARGET_EQUIV = Map.of("IL2", "IL2RA");

    public Set<String> of(Dimension d) {
        return sets.get(d);
    }

    /** Gold labels from one line of a gold file: lists of ids or of objects with an "id" ("name" for drugs). */
    public static Labels fromGold(JsonNode doc) {
        Map<Dimension, Set<String>> m = empty();
        doc.path("targets").forEach(t -> m.get(Dimension.TARGETS).add(target(idOf(t, "id"))));
        doc.path("modalities").forEach(t -> m.get(Dimension.MODALITIES).add(idOf(t, "id")));
        for (JsonNode e : doc.path("events")) {
            String pair = e.path("type").asText() + "/" + (e.hasNonNull("agency") ? e.get("agency").asText() : null);
            m.get(Dimension.EVENTS_ALL).add(pair);
            if (e.path("primary").asBoolean(false)) {
                m.get(Dimension.EVENTS_PRIMARY).add(pair);
            }
        }
        doc.path("drugs").forEach(d -> m.get(Dimension.DRUGS).add(drug(idOf(d, "name"))));
        Set<String> ok = new HashSet<>();
        doc.path("targets_ok").forEach(t -> ok.add(target(t.asText())));
        return new Labels(m, ok);
    }

    public static Labels fromPrediction(Classification c) {
        Map<Dimension, Set<String>> m = empty();
        for (TargetTag t : c.targets()) {
            m.get(Dimension.TARGETS).add(target(t.id()));
        }
        for (ModalityTag t : c.modalities()) {
            m.get(Dimension.MODALITIES).add(t.id());
        }
        for (EventTag e : c.events()) {
            String pair = e.type() + "/" + e.agency();
            m.get(Dimension.EVENTS_ALL).add(pair);
            if (e.primary()) {
                m.get(Dimension.EVENTS_PRIMARY).add(pair);
            }
        }
        c.drugs().forEach(d -> m.get(Dimension.DRUGS).add(drug(d)));
        return new Labels(m, Set.of());
    }

    private static Map<Dimension, Set<String>> empty() {
        Map<Dimension, Set<String>> m = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            m.put(d, new HashSet<>());
        }
        return m;
    }

    private static String idOf(JsonNode item, String field) {
        return item.isObject() ? item.path(field).asText() : item.asText();
    }

    private static String target(String id) {
        return TARGET_EQUIV.getOrDefault(id, id);
    }

    static String drug(String name) {
        return name.replaceAll("[\\s\\-_]", "").toLowerCase(java.util.Locale.ROOT);
    }
}
