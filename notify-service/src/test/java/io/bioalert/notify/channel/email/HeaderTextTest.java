package io.bioalert.notify.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderTextTest {

    @Test
    void lineBreaksAndControlCharactersBecomeOneSpace() {
        assertThat(HeaderText.of("HER2\r\nBcc: victim@example.org")).isEqualTo("HER2 Bcc: victim@example.org");
        assertThat(HeaderText.of("a\u0000b\u0085c\u2028d\u2029e\tf\u000bg")).isEqualTo("a b c d e f g");
        assertThat(HeaderText.of(" 华岳 HER2 ")).isEqualTo("华岳 HER2");
        assertThat(HeaderText.of(null)).isEmpty();
    }
}
