package io.bioalert.ingest.store;

/** The answer to a push: the announcement's id, and whether the story was already known. */
public record IngestResult(String id, boolean duplicate) {
}
