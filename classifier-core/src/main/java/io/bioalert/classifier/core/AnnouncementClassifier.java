package io.bioalert.classifier.core;

import io.bioalert.classifier.core.catalyst.CatalystExtractor;
import io.bioalert.classifier.core.doc.Doc;
import io.bioalert.classifier.core.drug.DrugMention;
import io.bioalert.classifier.core.drug.Drugs;
import io.bioalert.classifier.core.entity.Companies;
import io.bioalert.classifier.core.entity.Indications;
import io.bioalert.classifier.core.entity.TrialIds;
import io.bioalert.classifier.core.event.EventExtractor;
import io.bioalert.classifier.core.lexicon.Lexicon;
import io.bioalert.classifier.core.modality.ModalityExtractor;
import io.bioalert.classifier.core.target.TargetExtractor;
import io.bioalert.model.CatalystTag;
import io.bioalert.model.Classification;
import io.bioalert.model.EventTag;
import io.bioalert.model.Mention;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Classifies one announcement into the taxonomy (taxonomy.md): targets, modalities, regulatory events,
 * drugs, companies, indications and trials, each with the text span it came from. Offsets are Java char
 * offsets (UTF-16 units: an ideograph outside the Basic Multilingual Plane such as 𠀀 counts two) into
 * {@code RawAnnouncement.fullText()}: title + "\n\n" + body, or the body alone. Chinese text is matched in
 * simplified script, but offsets and evidence always refer to the text as written.
 *
 * <p>Immutable and thread-safe: the dictionaries are built once in {@link #fromResources()}; each call works
 * on its own {@link Doc}.
 */
public final class AnnouncementClassifier {
    /** Bump when the output for the same input can change (rules or dictionaries), so results can be replayed. */
    public static final String VERSION = "core-1.0";

    private final Lexicon lexicon;

    private AnnouncementClassifier(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public static AnnouncementClassifier fromResources() {
        return new AnnouncementClassifier(Lexicon.load());
    }

    public String version() {
        return VERSION;
    }

    public Classification classify(String id, String title, String body, LocalDate publishedAt) {
        Objects.requireNonNull(body, "body");
        Doc doc = new Doc(lexicon, title, body, publishedAt);
        Drugs drugs = Drugs.of(doc);
        List<TargetTag> targets = TargetExtractor.extract(doc, drugs);
        List<ModalityTag> modalities = ModalityExtractor.extract(doc, drugs);
        List<EventTag> events = EventExtractor.extract(doc);

        List<Mention> mentions = new ArrayList<>();
        List<String> drugNames = new ArrayList<>();
        for (DrugMention d : drugs.announcedNames()) {
            drugNames.add(d.surface());
            mentions.add(new Mention("DRUG", d.surface(), doc.text.substring(d.start(), d.end()), d.start(), d.end()));
        }
        List<Mention> companies = Companies.find(doc);
        List<Mention> indications = Indications.find(doc, drugs, doc.layout.leadEnd());
        List<Mention> trials = TrialIds.find(doc.tokens);
        mentions.addAll(companies);
        mentions.addAll(indications);
        mentions.addAll(trials);
        List<CatalystTag> catalysts = CatalystExtractor.extract(doc, drugs, events);
        return new Classification(id, targets, modalities, events, drugNames, names(companies), names(indications),
                names(trials), mentions, catalysts);
    }


    private static List<String> names(List<Mention> ms) {
        return ms.stream().map(Mention::name).toList();
    }
}
