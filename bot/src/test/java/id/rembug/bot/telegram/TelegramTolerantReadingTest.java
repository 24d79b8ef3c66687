package id.rembug.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static id.rembug.bot.telegram.TelegramSamples.BOT_ID;
import static id.rembug.bot.telegram.TelegramSamples.getUpdatesAnswer;
import static id.rembug.bot.telegram.TelegramSamples.json;
import static id.rembug.bot.telegram.TelegramSamples.textUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Updates shaped as Telegram really sends them, several with a field TelegramBots' types reject
 * (a keyboard of a kind it does not expect, a field whose type changed): each is read for what
 * Rembug needs, on the webhook's path (one body) and the poller's (a getUpdates answer), or
 * skipped on purpose.
 */
class TelegramTolerantReadingTest {

    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");

    private final TelegramUpdateReader reader = new TelegramUpdateReader();
    private final TelegramUpdateTranslator translator =
            new TelegramUpdateTranslator(BOT_ID, Clock.fixed(NOW, ZoneOffset.UTC));

    private List<Inbound> viaWebhook(String sample) {
        return translator.translate(reader.readOne(json(sample)).orElseThrow());
    }

    private Inbound onlyViaWebhook(String sample) {
        List<Inbound> inbound = viaWebhook(sample);
        assertThat(inbound).hasSize(1);
        return inbound.get(0);
    }

    private static void libraryRejects(String sample) {
        assertThatThrownBy(() -> new ObjectMapper().readValue(json(sample), Update.class))
                .as("TelegramBots' own binding of %s", sample).isInstanceOf(Exception.class);
    }

    @Test
    void answerInAForumTopicWithAKeyboardOfAnUnknownKindIsStillRead() {
        libraryRejects("forum-topic-unknown-keyboard");
        var message = (Inbound.Message) onlyViaWebhook("forum-topic-unknown-keyboard");
        assertThat(message).isEqualTo(new Inbound.Message("tg:700100030", "-1002233445566", false,
                Instant.ofEpochSecond(1763901000), ChatUser.person("5012", "Budi"), "310", "Got mampet di gang 3",
                "95", true, false, null, "77", null));
    }

    @Test
    void anonymousAdminsCommandIsReadDespiteAFieldOfAChangedTypeAndNamesNobody() {
        libraryRejects("anonymous-admin-future-field");
        // Posted as the group: the shared GroupAnonymousBot names nobody, so a command from it is
        // read (not lost) as a post made as a chat, which the planner answers with "post as yourself".
        var posted = (Inbound.PostedAsChat) onlyViaWebhook("anonymous-admin-future-field");
        assertThat(posted.chatId()).isEqualTo("-1002233445566");
    }

    @Test
    void buttonPressOnAMessageWithMistypedFieldsStillArrives() {
        libraryRejects("callback-mistyped-message");
        assertThat(onlyViaWebhook("callback-mistyped-message")).isEqualTo(new Inbound.ButtonPressed("tg:700100032",
                "-1002233445566", false, NOW, ChatUser.person("5012", "Budi"), "4382019472849201888", "96",
                "s:2.1.1:5"));
    }

    @Test
    void correctionWithAMistypedFieldIsStillReadAsAnEdit() {
        libraryRejects("edited-mistyped");
        var message = (Inbound.Message) onlyViaWebhook("edited-mistyped");
        assertThat(message.edited()).isTrue();
        assertThat(message.messageId()).isEqualTo("41");
        assertThat(message.at()).isEqualTo(Instant.ofEpochSecond(1763900300));
        assertThat(message.text()).isEqualTo("Banjir tiap hujan deras");
    }

    @Test
    void memberJoiningWithAMistypedProfileFieldStillJoins() {
        libraryRejects("member-joined-mistyped");
        var joined = (Inbound.MembersJoined) onlyViaWebhook("member-joined-mistyped");
        assertThat(joined.members()).containsExactly(ChatUser.person("5020", "Dewi"));
        assertThat(joined.addedBy()).isEqualTo(ChatUser.person("5011", "Siti"));
        assertThat(joined.botAdded()).isFalse();
    }

    @Test
    void pollingKeepsTheAnswerInsideAnUpdateTheLibraryCannotBind() throws Exception {
        String answer = getUpdatesAnswer(textUpdate(1, -400, "a"), json("forum-topic-unknown-keyboard"),
                textUpdate(700100039, -400, "b"));
        List<Update> updates = new LenientGetUpdates(1, 100, 50, List.of()).deserializeResponse(answer);
        assertThat(updates).extracting(Update::getUpdateId).containsExactly(1, 700100030, 700100039);
        List<String> texts = updates.stream().flatMap(update -> translator.translate(update).stream())
                .map(inbound -> ((Inbound.Message) inbound).text()).toList();
        assertThat(texts).containsExactly("a", "Got mampet di gang 3", "b");
    }

    @Test
    void voiceNoteWithoutTextIsAMessageCarryingTheVoiceNote() {
        assertThat(viaWebhook("voice-without-text")).singleElement().isInstanceOfSatisfying(Inbound.Message.class,
                message -> assertThat(message.media().kind()).isEqualTo("voice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"message-reaction", "chat-boost", "future-update-type", "channel-post"})
    void updatesWithNothingRembugFollowsAreSkippedOnPurpose(String sample) {
        assertThat(reader.readOne(json(sample))).isPresent();
        assertThat(viaWebhook(sample)).isEmpty();
    }

    @Test
    void messageWhoseIdIsNotANumberCannotBeAnsweredAndIsSkipped() {
        assertThat(viaWebhook("wrong-field-type")).isEmpty();
    }

    @Test
    void textOfTheWrongTypeCountsAsNoText() {
        String json = textUpdate(700100040, -400, "x").replace("\"text\":\"x\"", "\"text\":{\"rich\":[\"x\"]}");
        assertThat(translator.translate(reader.readOne(json).orElseThrow())).isEmpty();
    }
}
