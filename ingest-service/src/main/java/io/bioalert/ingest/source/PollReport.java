package io.bioalert.ingest.source;

/**
 * What one poll did.
 *
 * @param outcome    OK, NOT_MODIFIED or FAILED
 * @param stories    stories read from the answer
 * @param newStories stories stored as new announcements (the rest were known)
 */
public record PollReport(long sourceId, String outcome, int stories, int newStories, String error) {

    static PollReport failed(long id, String error) {
        return new PollReport(id, "FAILED", 0, 0, error);
    }
}
