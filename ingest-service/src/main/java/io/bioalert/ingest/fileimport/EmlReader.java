package io.bioalert.ingest.fileimport;

import io.bioalert.ingest.store.Story;
import io.bioalert.ingest.announcement.Stories;
import io.bioalert.ingest.clean.CleanedText;
import io.bioalert.ingest.source.SourceFormatException;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

/** A press release received by mail (.eml): subject is the title, Date the date, text/plain preferred over HTML. */
final class EmlReader {

    private EmlReader() {
    }

    static Story read(byte[] eml, String sourceName) throws SourceFormatException {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml));
            String plain = firstPart(message, "text/plain");
            String html = plain == null ? firstPart(message, "text/html") : null;
            String body = plain != null ? plain : html;
            if (body == null || body.isBlank()) {
                throw new SourceFormatException("mail has no text/plain or text/html part");
            }
            CleanedText cleaned = Stories.clean(body, message.getSubject(), null);
            LocalDate sent = message.getSentDate() == null ? null
                    : message.getSentDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            // The dateline in the text is the release date; the mail's Date header is when it was sent.
            LocalDate date = cleaned.publishedAt() != null ? cleaned.publishedAt() : sent;
            return new Story(cleaned.title(), cleaned.body(), null, date, sourceName);
        } catch (MessagingException | IOException e) {
            throw new SourceFormatException("not a readable mail: " + e.getMessage(), e);
        }
    }

    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = firstPart(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
