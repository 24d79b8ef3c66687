package id.rembug.dialogues.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextKeyTest {

    @Test
    void aKeyIsWrittenAsTheConstantsNameInLowercaseWithHyphens() {
        assertThat(MessageKey.FACILITATOR_ALREADY_YOU.yamlKey()).isEqualTo("facilitator-already-you");
        assertThat(MessageKey.ACK.yamlKey()).isEqualTo("ack");
    }

    @Test
    void aKeyFillsThePlaceholdersItsAnnotationNamesInOrderAndOthersFillNone() {
        assertThat(MessageKey.STAGE_INTRO.placeholders()).containsExactly("number", "total", "phase", "title", "intro");
        assertThat(MessageKey.BOT_ADDED.placeholders()).isEmpty();
        assertThat(MessageKey.BOT_ADDED.required()).isEmpty();
    }
}
