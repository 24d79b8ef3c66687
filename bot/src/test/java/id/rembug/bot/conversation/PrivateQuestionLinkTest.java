package id.rembug.bot.conversation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The start payload of a sensitive question's link: Telegram's rules, and nobody can make one up. */
class PrivateQuestionLinkTest {

    private final ButtonSigner signer = new ButtonSigner(new ButtonKeyProperties("test-secret"), null);

    @Test
    void theLongestLinkOfASupergroupFitsTelegramsStartPayload() {
        // a supergroup's id and a stage key as long as a flow may write one (20 characters)
        PrivateQuestionLink link = new PrivateQuestionLink("-1001234567890", "abcdefghijklmnopqrst", 12, 9);

        String payload = link.payload(signer);

        assertThat(payload).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(PrivateQuestionLink.open(payload, signer)).contains(link);
    }

    @Test
    void aChangedOrMadeUpPayloadOpensNothing() {
        String payload = new PrivateQuestionLink("-1001234567890", "kepercayaan", 1, 1).payload(signer);

        assertThat(PrivateQuestionLink.open(payload.replace("kepercayaan", "semangat"), signer)).isEmpty();
        assertThat(PrivateQuestionLink.open(payload.replace("-1001234567890", "-1009999999999"), signer)).isEmpty();
        assertThat(PrivateQuestionLink.open("q_-100123_kepercayaan_1_1_AAAAAAAAAAA", signer)).isEmpty();
        assertThat(PrivateQuestionLink.open("", signer)).isEmpty();
        assertThat(PrivateQuestionLink.open(null, signer)).isEmpty();
        // another instance's key (another deployment) opens nothing either
        assertThat(PrivateQuestionLink.open(payload, new ButtonSigner(new ButtonKeyProperties("other"), null)))
                .isEmpty();
    }

    @Test
    void theQuestionKeptWhileAPersonAnswersReadsBack() {
        PrivateQuestionLink link = new PrivateQuestionLink("-100777", "semangat", 2, 3);

        assertThat(PrivateQuestionLink.fromField(link.field())).contains(link);
        assertThat(PrivateQuestionLink.fromField("")).isEmpty();
        assertThat(PrivateQuestionLink.fromField("rusak")).isEmpty();
    }
}
