package io.bioalert.ingest.fetch;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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

    public String text() {
        return new String(body, charset());
    }

    private Charset charset() {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase().startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
