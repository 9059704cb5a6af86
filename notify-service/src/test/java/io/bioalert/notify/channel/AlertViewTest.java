package io.bioalert.notify.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertViewTest {

    @Test
    void labelsReadAsWordsButKeepAcronymsInCapitals() {
        assertThat(AlertView.label("BREAKTHROUGH_THERAPY")).isEqualTo("Breakthrough Therapy");
        assertThat(AlertView.label("IND_CLEARANCE")).isEqualTo("IND Clearance");
        assertThat(AlertView.label("CAR_T")).isEqualTo("CAR T");
        assertThat(AlertView.label("FDA")).isEqualTo("FDA");
        assertThat(AlertView.label("MRNA")).isEqualTo("mRNA");
    }
}
