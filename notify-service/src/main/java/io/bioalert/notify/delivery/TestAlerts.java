package io.bioalert.notify.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bioalert.model.Classification;
import io.bioalert.model.ClassifiedAnnouncement;
import io.bioalert.model.EventTag;
import io.bioalert.model.ModalityTag;
import io.bioalert.model.RawAnnouncement;
import io.bioalert.model.TargetTag;
import io.bioalert.notify.matching.MatchReason;
import io.bioalert.notify.watchlist.Destination;
import io.bioalert.notify.watchlist.Watchlist;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * "Send test alert": a sample announcement through the destination's real channel, now, reporting what
 * the receiver answered. Not queued and not recorded as a delivery; it does not disable anything either,
 * since the user is looking at the answer.
 */
@ApplicationScoped
public class TestAlerts {

    private final Senders senders;
    private final ObjectMapper json;
    private final UnsubscribeLinks unsubscribeLinks;

    TestAlerts(Senders senders, ObjectMapper json, UnsubscribeLinks unsubscribeLinks) {
        this.senders = senders;
        this.json = json;
        this.unsubscribeLinks = unsubscribeLinks;
    }

    public SendOutcome send(Watchlist w, Destination d) throws Exception {
        ClassifiedAnnouncement sample = sample();
        String payload = json.writeValueAsString(sample);
        String reasons = json.writeValueAsString(List.of(
                new MatchReason("test", "test alert", null, "sent from the BioAlert API to check this destination")));
        DeliveryJob job = new DeliveryJob(UUID.randomUUID(), 1, reasons, sample.id(), payload, () -> sample, d.id,
                d.typeEnum(), d.address, d.secret, d.status,
                d.typeEnum() == Destination.Type.EMAIL ? unsubscribeLinks.tokenFor(d.id) : null, d.ratePerMinute, w.id, w.name,
                w.filterJson, false, null, d.atMostOnce);
        return senders.of(d.typeEnum()).send(job).get(30, TimeUnit.SECONDS);
    }

    static ClassifiedAnnouncement sample() {
        String id = "test-" + UUID.randomUUID();
        RawAnnouncement raw = new RawAnnouncement(RawAnnouncement.SCHEMA_VERSION, id,
                "BioAlert test alert: Example Bio receives FDA Breakthrough Therapy Designation for EXB-001",
                "This is a test alert. Example Bio announced that EXB-001, a HER2-targeting antibody-drug conjugate, "
                        + "has been granted Breakthrough Therapy Designation by the U.S. FDA.",
                "https://example.com/bioalert-test-alert", List.of(), LocalDate.now(), "test", Instant.now());
        Classification c = new Classification(id,
                List.of(new TargetTag("ERBB2", "HER2", "HER2-targeting", null, null)),
                List.of(new ModalityTag("ADC", "antibody-drug conjugate", null, null)),
                List.of(new EventTag("BREAKTHROUGH_THERAPY", "FDA", true,
                        "has been granted Breakthrough Therapy Designation by the U.S. FDA", null, null)),
                List.of("EXB-001"), List.of("Example Bio"), List.of(), List.of(), List.of());
        return new ClassifiedAnnouncement(ClassifiedAnnouncement.SCHEMA_VERSION, raw, c, "test", Instant.now());
    }
}
