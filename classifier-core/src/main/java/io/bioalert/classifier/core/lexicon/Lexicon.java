package io.bioalert.classifier.core.lexicon;

import io.bioalert.classifier.core.match.PhraseTrie;
import io.bioalert.classifier.core.text.Tokenizer;
import io.bioalert.classifier.core.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Every dictionary of the classifier, read once from the TSV files under {@code /lexicon} on the classpath,
 * compiled into one {@link PhraseTrie}. Immutable after {@link #load()}; safe to share between threads.
 */
public final class Lexicon {
    private static final String DIR = "/lexicon/";

    private final PhraseTrie trie = new PhraseTrie();
    private final Map<String, String> targetDisplay = new HashMap<>();
    private final Map<String, List<String>> modalityParents = new HashMap<>();
    private final Map<String, DrugInfo> drugs = new HashMap<>();
    private final InnRules inn = new InnRules();
    private final Set<String> companySuffixes = new HashSet<>();
    private final Set<String> legalForms = new HashSet<>();
    private final Set<String> companyStops = new HashSet<>();

    private Lexicon() {
    }

    public static Lexicon load() {
        Lexicon lx = new Lexicon();
        lx.read(io.bioalert.model.TargetDictionary.RESOURCE, 2, (c, l) -> lx.addTarget(c));
        lx.read("modalities.tsv", 3, (c, l) -> lx.addModality(c));
        lx.read("events.tsv", 3, (c, l) -> lx.addAll(Kind.EVENT, c[0].equals("DESIG") ? "DESIG:" + c[1] : c[0], c[2]));
        lx.read("agencies.tsv", 3, (c, l) -> lx.addAll(Kind.AGENCY, c[0], c[2]));
        lx.read("countries.tsv", 2, (c, l) -> lx.addAll(Kind.COUNTRY, c[0], c[1]));
        lx.read("cues.tsv", 2, (c, l) -> lx.addAll(Kind.CUE, Cue.valueOf(c[0]).name(), c[1]));
        lx.read("drugs.tsv", 1, (c, l) -> lx.addDrug(c));
        lx.read("inn.tsv", 2, (c, l) -> lx.inn.add(c[0], split(c[1])));
        lx.read("companies.tsv", 2, (c, l) -> lx.addCompany(c));
        lx.read("diseases.tsv", 1, (c, l) -> lx.addAll(Kind.DISEASE, c[0], c[0] + (c.length > 1 ? "|" + c[1] : "")));
        return lx;
    }

    public PhraseTrie trie() {
        return trie;
    }

    public String targetDisplay(String hgnc) {
        return targetDisplay.getOrDefault(hgnc, hgnc);
    }

    /** True for an id of the target dictionary: the only target ids the classifier may emit. */
    public boolean isTarget(String hgnc) {
        return targetDisplay.containsKey(hgnc);
    }

    public List<String> modalityParents(String id) {
        return modalityParents.getOrDefault(id, List.of());
    }

    public DrugInfo drug(String canonical) {
        return drugs.get(canonical);
    }

    public InnRules inn() {
        return inn;
    }

    /** Industry words that end a company name, compared in lower case. */
    public boolean isCompanySuffix(String word) {
        return companySuffixes.contains(word);
    }

    public boolean isLegalForm(String word) {
        return legalForms.contains(word);
    }

    public boolean isCompanyStop(String word) {
        return companyStops.contains(word);
    }

    private void addTarget(String[] c) {
        boolean ambiguousSymbol = c[0].startsWith("!");
        String id = ambiguousSymbol ? c[0].substring(1) : c[0];
        targetDisplay.put(id, c[1]);
        List<String> aliases = new ArrayList<>(split(c.length > 2 ? c[2] : ""));
        if (!ambiguousSymbol) {
            aliases.add(autoCase(id));
        }
        // A display name that is also a word ("APRIL", "STING") is listed case-sensitively among the aliases
        // ("=APRIL"); adding it again as itself would match the month and the verb.
        if (!aliases.contains("=" + c[1])) {
            aliases.add(autoCase(c[1]));
        }
        aliases.forEach(a -> addPhrase(a, Kind.TARGET, id));
    }

    private void addModality(String[] c) {
        modalityParents.put(c[0], split(c[1].replace(',', '|')));
        split(c[2]).forEach(p -> addPhrase(p, Kind.MODALITY, c[0]));
    }

    private void addDrug(String[] c) {
        String canonical = c[0];
        String modality = c.length > 2 && !c[2].isBlank() ? c[2] : null;
        List<String> targets = c.length > 3 ? split(c[3].replace(',', '|')) : List.of();
        drugs.put(canonical, new DrugInfo(canonical, modality, targets));
        addPhrase(canonical, Kind.DRUG, canonical);
        split(c.length > 1 ? c[1] : "").forEach(a -> addPhrase(a, Kind.DRUG, canonical));
    }

    private void addCompany(String[] c) {
        List<String> values = split(c[1]);
        switch (c[0]) {
            case "KNOWN" -> values.forEach(v -> addPhrase(v, Kind.COMPANY, values.get(0)));
            case "SUFFIX" -> values.forEach(v -> companySuffixes.add(v.toLowerCase(java.util.Locale.ROOT)));
            case "LEGAL" -> legalForms.addAll(values);
            case "STOP" -> companyStops.addAll(values);
            default -> throw new IllegalArgumentException("companies.tsv: unknown row " + c[0]);
        }
    }

    private void addAll(Kind kind, String value, String phrases) {
        split(phrases).forEach(p -> addPhrase(autoCase(p), kind, value));
    }

    /**
     * Short all-capital abbreviations (EC, UK, MET, ALL) are only themselves in capitals: "ec", "uk" or
     * "all" in running text are something else.
     */
    private static String autoCase(String phrase) {
        if (phrase.startsWith("=")) {
            return phrase;
        }
        boolean letters = phrase.chars().allMatch(c -> Character.isLetterOrDigit(c) && !Character.isIdeographic(c));
        boolean upper = phrase.chars().noneMatch(Character::isLowerCase);
        return letters && upper && phrase.length() <= 3 ? "=" + phrase : phrase;
    }

    private void addPhrase(String phrase, Kind kind, String value) {
        boolean caseSensitive = phrase.startsWith("=");
        String p = caseSensitive ? phrase.substring(1) : phrase;
        Tokens t = Tokenizer.tokenize(p);
        if (t.size() == 0) {
            return;
        }
        List<String> norms = new ArrayList<>(t.size());
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            norms.add(t.norm(i).intern());
            key.append(t.raw(i));
        }
        trie.add(norms, new Entry(kind, value, caseSensitive ? key.toString() : null));
    }

    private void read(String file, int minColumns, BiConsumer<String[], Integer> row) {
        // The target dictionary lives with the wire records, so that notify validates watchlists against
        // exactly the ids the classifier can produce; the other dictionaries are the classifier's own.
        String path = file.startsWith("/") ? file : DIR + file;
        try (InputStream in = Lexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length < minColumns) {
                    throw new IllegalStateException(file + ":" + n + ": expected " + minColumns + " columns");
                }
                row.accept(cols, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
