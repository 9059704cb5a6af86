package io.bioalert.classifier.core.lexicon;

import java.util.List;

/** What the dictionary knows about a drug: its modality and molecular targets (HGNC ids). */
public record DrugInfo(String canonical, String modality, List<String> targets) {
}
