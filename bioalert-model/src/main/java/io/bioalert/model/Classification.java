package io.bioalert.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The classifier's tags for one announcement: taxonomy.md section 5.
 *
 * <p>{@code drugs}, {@code companies}, {@code indications} and {@code trials} are the normalised strings
 * of the contract; {@code mentions} carries the text span each of them came from; {@code catalysts} are the
 * dated milestones ahead (PDUFA dates, expected decisions and readouts).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Classification(
        String id,
        List<TargetTag> targets,
        List<ModalityTag> modalities,
        List<EventTag> events,
        List<String> drugs,
        List<String> companies,
        List<String> indications,
        List<String> trials,
        List<Mention> mentions,
        List<CatalystTag> catalysts) {

    public Classification {
        targets = targets == null ? List.of() : List.copyOf(targets);
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
        events = events == null ? List.of() : List.copyOf(events);
        drugs = drugs == null ? List.of() : List.copyOf(drugs);
        companies = companies == null ? List.of() : List.copyOf(companies);
        indications = indications == null ? List.of() : List.copyOf(indications);
        trials = trials == null ? List.of() : List.copyOf(trials);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        catalysts = catalysts == null ? List.of() : List.copyOf(catalysts);
    }

    /** A classification without catalysts (producers from before catalysts existed, tests). */
    public Classification(String id, List<TargetTag> targets, List<ModalityTag> modalities, List<EventTag> events,
                          List<String> drugs, List<String> companies, List<String> indications, List<String> trials,
                          List<Mention> mentions) {
        this(id, targets, modalities, events, drugs, companies, indications, trials, mentions, null);
    }

    public static Classification empty(String id) {
        return new Classification(id, null, null, null, null, null, null, null, null, null);
    }
}
