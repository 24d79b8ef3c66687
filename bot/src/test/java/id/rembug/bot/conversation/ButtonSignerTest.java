package id.rembug.bot.conversation;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class ButtonSignerTest {

    private final ButtonSigner signer = new ButtonSigner(new ButtonKeyProperties("test-callback-key"), null);
    private final CallbackData answer = new CallbackData.Answer("semangat", 1, 2, "ya");

    @Test
    void aButtonSealedOnOneThreadOpensOnAnotherAndAgainAfterOthersWereSealed() throws Exception {
        String sealed = signer.seal(answer, "-1001234");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // the other thread signs something else first: its keyed Mac must start clean for each signature
            CompletableFuture.runAsync(() -> signer.seal(new CallbackData.Answer("semangat", 1, 3, "tidak"), "-42"),
                    other).get();
            Optional<CallbackData> opened = CompletableFuture.supplyAsync(() -> signer.open(sealed, "-1001234"),
                    other).get();
            assertThat(opened).contains(answer);
        } finally {
            other.shutdown();
        }
        assertThat(signer.seal(answer, "-1001234")).isEqualTo(sealed);
        assertThat(signer.openStart(signer.sealStart("q_-1001234_3"))).contains("q_-1001234_3");
    }

    @Test
    void aButtonCarriedToAnotherChatOrChangedDoesNotOpen() {
        String sealed = signer.seal(answer, "-1001234");

        assertThat(signer.open(sealed, "-999")).isEmpty();
        assertThat(signer.open(sealed.replace("|ya|", "|no|"), "-1001234")).isEmpty();
        assertThat(new ButtonSigner(new ButtonKeyProperties("another-key"), null).open(sealed, "-1001234")).isEmpty();
    }
}
