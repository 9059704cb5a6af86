package io.bioalert.ingest.fileimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.ingest.announcement.AnnouncementRequest;
import io.bioalert.ingest.store.AnnouncementStore;
import io.bioalert.ingest.store.IngestResult;
import io.bioalert.ingest.announcement.Stories;
import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.clean.CleanedText;
import io.bioalert.ingest.clean.HtmlCleaner;
import io.bioalert.ingest.clean.TextCleaner;
import io.bioalert.ingest.encoding.DocumentCharset;
import io.bioalert.ingest.source.SourceFormatException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Imports files by their extension: .txt (text as copied from a page), .html/.htm (a saved page),
 * .eml (a mail), .json (one push request or an array of them). One file gives one result per story.
 */
@ApplicationScoped
public class FileImporter {

    public static final String SOURCE = "import";

    /** The outcome for one story of one file; {@code error} set when the file could not be read. */
    public record FileResult(String file, String id, Boolean duplicate, String error) {
        static FileResult failed(String file, String error) {
            return new FileResult(file, null, null, error);
        }
    }

    private final AnnouncementStore store;
    private final ObjectMapper json;
    private final Validator validator;

    FileImporter(AnnouncementStore store, ObjectMapper json, Validator validator) {
        this.store = store;
        this.json = json;
        this.validator = validator;
    }

    public static boolean supported(String fileName) {
        return Set.of("txt", "html", "htm", "eml", "json").contains(extension(fileName));
    }

    /** A file as uploaded or found in the folder. */
    public record NamedFile(String name, byte[] content) {
    }

    public List<FileResult> importFile(String fileName, byte[] content) {
        return importFiles(List.of(new NamedFile(fileName, content)));
    }

    /**
     * Reads every file, then stores the stories of all of them as one batch; one result per story, or one
     * per file that could not be read, in the files' order.
     */
    public List<FileResult> importFiles(List<NamedFile> files) {
        List<Story> stories = new ArrayList<>();
        List<List<Story>> perFile = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (NamedFile file : files) {
            try {
                List<Story> read = read(file.name(), file.content());
                perFile.add(read);
                errors.add(null);
                stories.addAll(read);
            } catch (SourceFormatException e) {
                perFile.add(List.of());
                errors.add(e.getMessage());
            }
        }
        List<IngestResult> stored = store.ingestAll(stories);
        List<FileResult> results = new ArrayList<>();
        int next = 0;
        for (int f = 0; f < files.size(); f++) {
            String name = files.get(f).name();
            if (errors.get(f) != null) {
                results.add(FileResult.failed(name, errors.get(f)));
                continue;
            }
            for (int i = 0; i < perFile.get(f).size(); i++) {
                IngestResult r = stored.get(next++);
                results.add(new FileResult(name, r.id(), r.duplicate(), null));
            }
        }
        return results;
    }

    List<Story> read(String fileName, byte[] content) throws SourceFormatException {
        // A saved page or text keeps the encoding it was written in (GBK, Big5 ...); JSON is UTF-8 by definition.
        String text = "json".equals(extension(fileName)) ? new String(content, StandardCharsets.UTF_8)
                : DocumentCharset.decode(content, null);
        List<Story> stories = switch (extension(fileName)) {
            case "txt" -> List.of(fromText(TextCleaner.clean(text, null)));
            case "html", "htm" -> {
                HtmlCleaner.CleanedPage page = HtmlCleaner.cleanPage(text, null);
                yield List.of(new Story(page.text().title(), page.text().body(), page.canonicalUrl(),
                        page.text().publishedAt(), SOURCE));
            }
            case "eml" -> List.of(EmlReader.read(content, SOURCE));
            case "json" -> fromJson(text);
            default -> throw new SourceFormatException("unsupported file type: " + fileName
                    + " (expected .txt, .html, .htm, .eml or .json)");
        };
        for (Story s : stories) {
            if (s.body() == null || s.body().isBlank()) {
                throw new SourceFormatException("no text found in " + fileName);
            }
        }
        return stories;
    }

    private static Story fromText(CleanedText cleaned) {
        return new Story(cleaned.title(), cleaned.body(), null, cleaned.publishedAt(), SOURCE);
    }

    private List<Story> fromJson(String text) throws SourceFormatException {
        List<Story> stories = new ArrayList<>();
        try {
            JsonNode root = json.readTree(text);
            List<JsonNode> items = new ArrayList<>();
            if (root != null && root.isArray()) {
                root.forEach(items::add);
            } else if (root != null && root.isObject()) {
                items.add(root);
            } else {
                throw new SourceFormatException("JSON must be an announcement object or an array of them");
            }
            for (int i = 0; i < items.size(); i++) {
                AnnouncementRequest request = json.treeToValue(items.get(i), AnnouncementRequest.class);
                Set<ConstraintViolation<AnnouncementRequest>> violations = validator.validate(request);
                if (!violations.isEmpty()) {
                    ConstraintViolation<AnnouncementRequest> v = violations.iterator().next();
                    throw new SourceFormatException("item " + i + ": " + v.getPropertyPath() + " " + v.getMessage());
                }
                stories.add(Stories.fromRequest(request, SOURCE));
            }
        } catch (JsonProcessingException e) {
            throw new SourceFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        return stories;
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
