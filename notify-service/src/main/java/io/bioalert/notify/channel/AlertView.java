package io.bioalert.notify.channel;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.notify.delivery.DeliveryJob;
import io.bioalert.notify.matching.MatchReason;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an alert says, independent of the channel: the subject names drug, event and agency; the tags come
 * with their evidence; the reasons say why this watchlist matched. Email templates and Slack blocks both
 * render this.
 */
public record AlertView(
        String subject,
        String title,
        String url,
        String drugs,
        String companies,
        List<Tag> tags,
        List<MatchReason> reasons,
        String watchlistName) {

    /** One tag of the classification with the text that supports it. */
    public record Tag(String kind, String value, String evidence) {
    }

    private static final TypeReference<List<MatchReason>> REASONS = new TypeReference<>() {
    };

    public static AlertView of(DeliveryJob job, ObjectMapper json) {
        List<MatchReason> reasons;
        try {
            reasons = job.reasonsJson() == null ? List.of() : json.readValue(job.reasonsJson(), REASONS);
        } catch (Exception e) {
            reasons = List.of();
        }
        return of(job.announcement().get(), reasons, job.watchlistName());
    }

    public static AlertView of(ClassifiedAnnouncement a, List<MatchReason> reasons, String watchlistName) {
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        List<Tag> tags = new java.util.ArrayList<>();
        c.events().stream().filter(EventTag::primary)
                .forEach(e -> tags.add(new Tag("Event", label(e.type()) + " (" + e.agency() + ")", e.evidence())));
        c.targets().forEach(t -> tags.add(new Tag("Target", t.name() == null ? t.id() : t.name() + " (" + t.id() + ")",
                t.evidence())));
        c.modalities().forEach(m -> tags.add(new Tag("Modality", label(m.id()), m.evidence())));
        String title = a.announcement().title() == null || a.announcement().title().isBlank()
                ? firstWords(a.announcement().body()) : a.announcement().title();
        return new AlertView(subject(c, title), title, a.announcement().url(), String.join(", ", c.drugs()),
                String.join(", ", c.companies()), tags, reasons, watchlistName);
    }

    /** "JSKN003: Breakthrough Therapy (FDA)"; without a primary event or drug, the headline fills in. */
    static String subject(Classification c, String title) {
        String drug = c.drugs().isEmpty() ? null : c.drugs().get(0);
        EventTag event = c.events().stream().filter(EventTag::primary).findFirst().orElse(null);
        String s;
        if (drug != null && event != null) {
            s = drug + ": " + label(event.type()) + " (" + event.agency() + ")";
        } else if (event != null) {
            s = label(event.type()) + " (" + event.agency() + "): " + title;
        } else if (drug != null) {
            s = drug + ": " + title;
        } else {
            s = title;
        }
        s = s.replaceAll("\\s+", " ").trim();
        return s.length() > 180 ? s.substring(0, 179) + "…" : s;
    }

    /** Words of an id that are acronyms and stay in capitals: IND_CLEARANCE → IND Clearance. */
    private static final java.util.Set<String> ACRONYMS = java.util.Set.of("IND", "ADC", "MRNA", "RMAT", "PRIME", "CAR");

    /** BREAKTHROUGH_THERAPY → Breakthrough Therapy; short ids such as ADC, FDA stay as they are. */
    public static String label(String id) {
        if (id == null) {
            return "";
        }
        if (id.length() <= 4 || ACRONYMS.contains(id)) {
            return id.equals("MRNA") ? "mRNA" : id;
        }
        return java.util.Arrays.stream(id.split("_"))
                .map(w -> ACRONYMS.contains(w) || w.length() <= 1 ? w : w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
    }

    private static String firstWords(String body) {
        if (body == null) {
            return "(no title)";
        }
        String b = body.strip().replaceAll("\\s+", " ");
        return b.length() > 120 ? b.substring(0, 119) + "…" : b;
    }
}
