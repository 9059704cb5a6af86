package io.bioalert.ingest.encoding;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bytes of a fetched or imported page or feed are to be read, decided once for every reader:
 * a byte order mark, else the HTTP {@code Content-Type} charset, else what the document declares (its XML
 * declaration, or a {@code <meta charset>} / {@code <meta http-equiv>} tag), else valid UTF-8, else ICU's
 * statistical detection (GBK / GB18030 / Big5 among others).
 */
public final class DocumentCharset {

    /** Declarations sit in the head; like browsers, look no further than this. */
    private static final int DECLARATION_SCAN_BYTES = 4096;
    private static final Pattern XML_DECLARATION = Pattern.compile(
            "^\\s*<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    /**
     * Labels that mean a superset in practice (the WHATWG encoding standard reads them the same way):
     * pages labelled GB2312 use GBK characters, Big5 pages use HKSCS ones, "latin1" pages use cp1252 quotes.
     */
    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("gb_2312-80", "GB18030"), Map.entry("csgb2312", "GB18030"), Map.entry("chinese", "GB18030"),
            Map.entry("euc-cn", "GB18030"), Map.entry("big5", "Big5-HKSCS"), Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("cn-big5", "Big5-HKSCS"), Map.entry("csbig5", "Big5-HKSCS"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"));

    /** The charset and which rule decided it, so a wrong guess can be explained from the logs. */
    public record Decision(Charset charset, String decidedBy) {
    }

    private DocumentCharset() {
    }

    /** The text of {@code body}, without a byte order mark; {@code contentType} may be null. */
    public static String decode(byte[] body, String contentType) {
        Charset charset = of(body, contentType).charset();
        int bom = bomLength(body);
        return new String(body, bom, body.length - bom, charset);
    }

    public static Decision of(byte[] body, String contentType) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return new Decision(bom, "byte order mark");
        }
        Charset header = charset(headerCharset(contentType), false);
        if (header != null) {
            return new Decision(header, "Content-Type header");
        }
        Charset declared = charset(declaredCharset(body), true);
        if (declared != null) {
            return new Decision(declared, "document declaration");
        }
        if (isUtf8(body)) {
            return new Decision(StandardCharsets.UTF_8, "valid UTF-8");
        }
        return new Decision(detected(body), "detection");
    }

    static String headerCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).replace("\"", "").replace("'", "").strip();
            }
        }
        return null;
    }

    /** The XML declaration's encoding when the document starts with one, else a meta tag's charset. */
    static String declaredCharset(byte[] body) {
        // Every charset considered here is ASCII-compatible, so the markup reads the same in ISO-8859-1.
        String head = new String(body, 0, Math.min(body.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_DECLARATION.matcher(head);
        if (xml.find()) {
            return xml.group(1);
        }
        Matcher meta = META_CHARSET.matcher(head);
        return meta.find() ? meta.group(1) : null;
    }

    /**
     * A Java charset for a label, null when unknown. A document cannot really be UTF-16 if its declaration
     * was readable as ASCII, so an in-document UTF-16 label means UTF-8, as browsers read it.
     */
    static Charset charset(String label, boolean inDocument) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (inDocument && l.startsWith("utf-16")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(SUPERSETS.getOrDefault(l, l));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** ICU's best guess that Java can decode; GB18030 when nothing fits (the likeliest for our sources). */
    private static Charset detected(byte[] body) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(body);
        for (CharsetMatch match : detector.detectAll()) {
            Charset charset = charset(match.getName(), false);
            if (charset != null) {
                return charset;
            }
        }
        return Charset.forName("GB18030");
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static int bomLength(byte[] b) {
        Charset bom = bomCharset(b);
        return bom == null ? 0 : bom == StandardCharsets.UTF_8 ? 3 : 2;
    }
}
