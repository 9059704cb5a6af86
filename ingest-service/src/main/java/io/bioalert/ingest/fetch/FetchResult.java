package io.bioalert.ingest.fetch;

import io.bioalert.ingest.encoding.DocumentCharset;

/**
 * A response worth reading: 200 with a body, or 304 (nothing changed since the validators sent).
 *
 * @param finalUrl     URL after redirects, to resolve relative links against
 * @param etag         validator for the next conditional GET, may be null
 * @param lastModified validator for the next conditional GET, may be null
 */
public record FetchResult(int status, byte[] body, String contentType, String finalUrl, String etag,
        String lastModified) {

    public boolean notModified() {
        return status == 304;
    }

    /** The body as text, in the charset {@link DocumentCharset} decides (header, declaration, detection). */
    public String text() {
        return DocumentCharset.decode(body, contentType);
    }
}
