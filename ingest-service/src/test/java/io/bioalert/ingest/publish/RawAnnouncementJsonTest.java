package io.bioalert.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bioalert.model.RawAnnouncement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code language} joined schemaVersion 1 without breaking readers or writers on either side of the change. */
class RawAnnouncementJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void languageTravelsAndIsLeftOutWhenUnknown() throws Exception {
        RawAnnouncement zh = new RawAnnouncement(1, "u-1", "青禾生物QH-212获批临床", "青禾生物今日宣布……", null, List.of(),
                LocalDate.of(2026, 11, 8), "zh-wire", Instant.parse("2026-11-08T02:00:00Z"), "zh");
        String written = json.writeValueAsString(zh);
        assertThat(written).contains("\"language\":\"zh\"");
        assertThat(json.readValue(written, RawAnnouncement.class)).isEqualTo(zh);

        RawAnnouncement unknown = new RawAnnouncement(1, "u-2", null, "text", null, List.of(), null, "push", null);
        assertThat(json.writeValueAsString(unknown)).doesNotContain("language");
    }

    @Test
    void recordsWithoutLanguageAndWithFieldsFromLaterVersionsStillRead() throws Exception {
        RawAnnouncement old = json.readValue("""
                {"schemaVersion":1,"id":"u-3","body":"Acme Bio announced ...","urls":[],"source":"push"}""",
                RawAnnouncement.class);
        assertThat(old.language()).isNull();
        assertThat(old.body()).isEqualTo("Acme Bio announced ...");
        RawAnnouncement later = json.readValue("""
                {"schemaVersion":1,"id":"u-4","body":"text","source":"push","language":"en","script":"Latn"}""",
                RawAnnouncement.class);
        assertThat(later.language()).isEqualTo("en");
    }
}
