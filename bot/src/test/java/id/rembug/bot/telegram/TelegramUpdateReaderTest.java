package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.util.List;

import static id.rembug.bot.telegram.TelegramSamples.getUpdatesAnswer;
import static id.rembug.bot.telegram.TelegramSamples.json;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramUpdateReaderTest {

    private final TelegramUpdateReader reader = new TelegramUpdateReader();

    @Test
    void anUpdateIsReadAsItsIdAndItsJsonNeverBoundToTheLibrarysTypes() throws Exception {
        Update read = reader.readOne(json("callback-query")).orElseThrow();
        assertThat(read.getUpdateId()).isEqualTo(700100005);
        assertThat(read.getCallbackQuery()).as("not bound: the translator reads the JSON").isNull();
        assertThat(((TelegramRawUpdate) read).json()).isEqualTo(new ObjectMapper().readTree(json("callback-query")));
    }

    @Test
    void updateThatDoesNotBindKeepsItsIdAndItsJson() {
        Update read = reader.readOne(json("wrong-field-type")).orElseThrow();
        assertThat(read.getUpdateId()).isEqualTo(700100020);
        assertThat(((TelegramRawUpdate) read).json().path("message").isObject()).isTrue();
    }

    @Test
    void notJsonOrNoUpdateIdReadsAsNothing() {
        assertThat(reader.readOne("{\"update_id\": 12, \"message\": {")).isEmpty();
        assertThat(reader.readOne("[1,2]")).isEmpty();
        assertThat(reader.readOne("{\"message\":{}}")).isEmpty();
        assertThat(reader.readOne("")).isEmpty();
    }

    @Test
    void libraryGetUpdatesFailsTheWholeBatchOnOneBadUpdate() {
        // Why LenientGetUpdates exists: this is TelegramBots' own behaviour.
        String answer = getUpdatesAnswer(textUpdate(1, -400, "a"), json("wrong-field-type"));
        assertThatThrownBy(() -> new org.telegram.telegrambots.meta.api.methods.updates.GetUpdates()
                .deserializeResponse(answer)).isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void lenientGetUpdatesKeepsEveryUpdateWithItsJsonAlsoOneTheLibraryCannotBind() throws Exception {
        String answer = getUpdatesAnswer(textUpdate(1, -400, "a"), json("wrong-field-type"), textUpdate(700100021, -400, "b"));
        List<Update> updates = new LenientGetUpdates(1, 100, 50, List.of()).deserializeResponse(answer);
        assertThat(updates).extracting(Update::getUpdateId).containsExactly(1, 700100020, 700100021);
        assertThat(updates).extracting(update -> ((TelegramRawUpdate) update).json().path("message").path("text")
                .asText()).containsExactly("a", "halo", "b");
    }

    @Test
    void lenientGetUpdatesStillFailsOnTelegramErrorsAndNonJson() {
        var getUpdates = new LenientGetUpdates(1, 100, 50, List.of());
        assertThatThrownBy(() -> getUpdates.deserializeResponse(
                "{\"ok\":false,\"error_code\":409,\"description\":\"Conflict: terminated by other getUpdates request\"}"))
                .isInstanceOfSatisfying(TelegramApiRequestException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(409));
        assertThatThrownBy(() -> getUpdates.deserializeResponse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(TelegramApiRequestException.class);
        assertThatThrownBy(() -> getUpdates.deserializeResponse("{\"result\":[]}"))
                .isInstanceOf(TelegramApiRequestException.class);
    }

    @Test
    void lenientGetUpdatesSerialisesAsAPlainGetUpdates() throws Exception {
        String body = new ObjectMapper().writeValueAsString(new LenientGetUpdates(42, 100, 50, List.of("message")));
        assertThat(new ObjectMapper().readTree(body)).isEqualTo(new ObjectMapper().readTree(
                "{\"offset\":42,\"limit\":100,\"timeout\":50,\"allowed_updates\":[\"message\"],\"method\":\"getupdates\"}"));
    }
}
