package io.bioalert.notify.matching;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.TargetTag;
import io.bioalert.notify.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One announcement reduced to what filters compare against, computed once per announcement and shared by
 * every candidate watchlist: ids upper case, modalities with their ancestors, names and text normalised
 * with {@link Text}, and the padded forms that make whole-word containment a plain {@code contains}.
 */
public final class AnnouncementFacts {

    /** Suffix of index keys that only primary events produce. */
    static final String PRIMARY = "!";

    /** An event as filters see it. */
    public record Event(String type, String agency, boolean primary) {
    }

    final Set<String> targets = new HashSet<>();
    final Set<String> modalities = new HashSet<>();
    final List<Event> events = new ArrayList<>();
    /** Event types and agencies as index keys: "APPROVAL" for any event, "APPROVAL!" for a primary one too. */
    final Set<String> eventTypes = new HashSet<>();
    final Set<String> agencies = new HashSet<>();
    final Set<String> drugs = new HashSet<>();
    /** Keys of the pair fields of {@link Field}, built from this announcement's own combinations. */
    final Set<String> targetEvents = new HashSet<>();
    final Set<String> targetModalities = new HashSet<>();
    final Set<String> modalityEvents = new HashSet<>();
    final Set<String> eventAgencies = new HashSet<>();
    final Set<String> modalityEventAgencies = new HashSet<>();
    /** Every word of the text and every pair of adjacent words ("ovarian cancer"): keys of keyword phrases. */
    final Set<String> textKeys = new HashSet<>();
    /** Company names as " word word ", so a watch on "alphamab" matches "Alphamab Oncology". */
    final List<String> paddedCompanies = new ArrayList<>();
    final Set<String> companyWords = new HashSet<>();
    /** Title and body as " word word ... ", for keyword phrases. */
    final String paddedText;
    final Set<String> textWords = new HashSet<>();

    private AnnouncementFacts(Classification c, String title, String body) {
        for (TargetTag t : c.targets()) {
            targets.add(Text.id(t.id()));
        }
        for (ModalityTag m : c.modalities()) {
            modalities.addAll(Taxonomy.withAncestors(Text.id(m.id())));
        }
        for (EventTag e : c.events()) {
            Event event = new Event(Text.id(e.type()), Text.id(e.agency()), e.primary());
            events.add(event);
        }
        for (String d : c.drugs()) {
            drugs.add(Text.drug(d));
        }
        for (String company : c.companies()) {
            String p = Text.phrase(company);
            if (!p.isEmpty()) {
                paddedCompanies.add(" " + p + " ");
                companyWords.addAll(List.of(p.split(" ")));
            }
        }
        for (String t : targets) {
            modalities.forEach(m -> targetModalities.add(t + '|' + m));
        }
        for (Event e : events) {
            for (String suffix : e.primary() ? new String[] {"", PRIMARY} : new String[] {""}) {
                eventTypes.add(e.type() + suffix);
                agencies.add(e.agency() + suffix);
                // Type and agency of the same event only: "an NMPA approval" is not an approval plus any FDA event.
                eventAgencies.add(e.type() + '|' + e.agency() + suffix);
                targets.forEach(t -> targetEvents.add(t + '|' + e.type() + suffix));
                modalities.forEach(m -> modalityEvents.add(m + '|' + e.type() + suffix));
                modalities.forEach(m -> modalityEventAgencies.add(m + '|' + e.type() + '|' + e.agency() + suffix));
            }
        }
        paddedText = paddedText(title, body);
        String text = paddedText.substring(1, paddedText.length() - 1);
        if (!text.isEmpty()) {
            String[] words = text.split(" ");
            textWords.addAll(List.of(words));
            textKeys.addAll(textWords);
            for (int i = 0; i + 1 < words.length; i++) {
                textKeys.add(words[i] + " " + words[i + 1]);
            }
        }
    }

    /**
     * Title and body normalised as keyword phrases are matched against: " word word ... ". Facts built from it
     * as a title alone are the same as from the title and body it came from.
     */
    public static String paddedText(String title, String body) {
        return " " + Text.phrase((title == null ? "" : title) + " " + (body == null ? "" : body)) + " ";
    }

    public static AnnouncementFacts of(ClassifiedAnnouncement a) {
        Classification c = a.classification() == null ? Classification.empty(a.id()) : a.classification();
        return new AnnouncementFacts(c, a.announcement().title(), a.announcement().body());
    }

    public static AnnouncementFacts of(Classification c, String title, String body) {
        return new AnnouncementFacts(c, title, body);
    }

    boolean hasCompany(String paddedWatch) {
        for (String company : paddedCompanies) {
            if (company.contains(paddedWatch)) {
                return true;
            }
        }
        return false;
    }

    boolean hasEvent(String[] types, String[] agencyIds, boolean includeHistory) {
        for (Event e : events) {
            if ((includeHistory || e.primary()) && (types.length == 0 || contains(types, e.type()))
                    && (agencyIds.length == 0 || contains(agencyIds, e.agency()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] values, String v) {
        for (String s : values) {
            if (s.equals(v)) {
                return true;
            }
        }
        return false;
    }
}
