package io.bioalert.notify.flow;

import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Classified announcements for tests, built without any server. */
public final class TestAnnouncements {

    private TestAnnouncements() {
    }

    /** An FDA Breakthrough Therapy for a HER2 bispecific ADC, with a Fast Track only as history. */
    public static ClassifiedAnnouncement her2Btd(String drug) {
        String id = "u-" + UUID.randomUUID();
        RawAnnouncement raw = new RawAnnouncement(1, id, drug + " granted Breakthrough Therapy Designation by FDA",
                "Alphamab Oncology announced that " + drug + ", a biparatopic HER2-targeting bispecific antibody-drug "
                        + "conjugate, has been granted breakthrough therapy designation by the U.S. Food and Drug "
                        + "Administration for platinum-resistant ovarian cancer. Previously, " + drug
                        + " has been granted Fast Track Designation by the FDA.",
                "https://news.example.org/" + id, List.of(), LocalDate.of(2025, 12, 23), "test", Instant.now());
        Classification c = new Classification(id,
                List.of(new TargetTag("ERBB2", "HER2", "biparatopic HER2-targeting", null, null)),
                List.of(new ModalityTag("BISPECIFIC_ADC", "bispecific antibody-drug conjugate", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "FDA", true,
                                "has been granted breakthrough therapy designation by the U.S. Food and Drug Administration",
                                null, null),
                        new EventTag("FAST_TRACK", "FDA", false, "has been granted Fast Track Designation by the FDA",
                                null, null)),
                List.of(drug), List.of("Alphamab Oncology"), List.of("platinum-resistant ovarian cancer"), List.of(),
                List.of());
        return new ClassifiedAnnouncement(1, raw, c, "test-1", Instant.now());
    }

}
