package io.bioalert.ingest.fileimport;

import io.bioalert.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports files dropped into the configured folder. A file is claimed by an atomic move into
 * {@code .processing/} (so several instances sharing the folder never import it twice), then moved to
 * {@code .done/}, or to {@code .failed/} with a {@code .error.txt} beside it.
 */
@ApplicationScoped
public class FolderImporter {

    private final Optional<Path> folder;
    private final FileImporter importer;

    FolderImporter(IngestConfig config, FileImporter importer) {
        this.folder = config.fileImport().folder();
        this.importer = importer;
    }

    @Scheduled(every = "${bioalert.import.scan-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledScan() {
        if (folder.isPresent()) {
            scan();
        }
    }

    /** Imports every supported file now; returns one result per story (or per failed file). */
    public List<FileImporter.FileResult> scan() {
        Path dir = folder.orElseThrow(() -> new IllegalStateException("no import folder configured (bioalert.import.folder)"));
        List<FileImporter.FileResult> results = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> FileImporter.supported(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            Log.warnf("import folder %s cannot be listed: %s", dir, e.getMessage());
            return results;
        }
        for (Path file : files) {
            Path claimed = claim(dir, file);
            if (claimed != null) {
                results.addAll(importClaimed(dir, claimed));
            }
        }
        return results;
    }

    private List<FileImporter.FileResult> importClaimed(Path dir, Path claimed) {
        String name = claimed.getFileName().toString();
        List<FileImporter.FileResult> results;
        try {
            results = importer.importFile(name, Files.readAllBytes(claimed));
        } catch (IOException | RuntimeException e) {
            results = List.of(FileImporter.FileResult.failed(name, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
        String error = results.stream().map(FileImporter.FileResult::error).filter(e -> e != null).findFirst().orElse(null);
        try {
            Path target = Files.createDirectories(dir.resolve(error == null ? ".done" : ".failed")).resolve(name);
            Files.move(claimed, target, StandardCopyOption.REPLACE_EXISTING);
            if (error != null) {
                Files.writeString(target.resolveSibling(name + ".error.txt"), error + "\n", StandardCharsets.UTF_8);
                Log.warnf("import of %s failed: %s", name, error);
            }
        } catch (IOException e) {
            Log.warnf("imported %s but could not move it out of .processing: %s", name, e.getMessage());
        }
        return results;
    }

    /** Atomic move into .processing: whoever moves the file first imports it. */
    private static Path claim(Path dir, Path file) {
        try {
            Path processing = Files.createDirectories(dir.resolve(".processing"));
            return Files.move(file, processing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException | FileAlreadyExistsException e) {
            return null; // another instance took it
        } catch (AtomicMoveNotSupportedException e) {
            Log.warnf("import folder %s does not support atomic moves; file %s left alone", dir, file.getFileName());
            return null;
        } catch (IOException e) {
            Log.warnf("could not claim %s: %s", file, e.getMessage());
            return null;
        }
    }
}
