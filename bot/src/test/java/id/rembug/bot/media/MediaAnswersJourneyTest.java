package id.rembug.bot.media;

import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents answer a question with a voice note, a photo and a place: the answers count, the
 * facilitator gets the summary and a copy of each, once.
 */
@ExtendWith(RedisServerExtension.class)
class MediaAnswersJourneyTest {

    static final byte[] OGG = "OggS\u0000\u0002voice-of-budi".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

    static FakeTelegram telegram;
    static ConfigurableApplicationContext app;
    static Path cache;

    @BeforeAll
    static void start() throws Exception {
        telegram = new FakeTelegram();
        cache = Files.createTempDirectory("rembug-media-cache");
        Map<String, Object> properties = new LinkedHashMap<>(TelegramAppProperties.of(telegram));
        properties.put("rembug.conversation.flow", "src/test/resources/flows/media-journey.yaml");
        app = RembugApp.start(properties);
    }

    @AfterAll
    static void stop() {
        app.close();
        telegram.close();
    }

    private final long chat = -4_170_000_000L - System.nanoTime() % 100_000;
    private final Person facilitator = new Person(710_000_000L + chat % 1000, "Rahmat");
    private final Person budi = new Person(810_000_001L, "Budi");
    private final Person ani = new Person(810_000_002L, "Ani");
    private final Person sari = new Person(810_000_003L, "Sari");

    private Sent started() {
        telegram.groupHas(chat, 5);
        telegram.memberStatus(chat, facilitator, "creator");
        telegram.privateText(facilitator, "/start");
        telegram.botAddedToGroup(chat, facilitator);
        telegram.groupText(chat, facilitator, "/fasilitator", null);
        telegram.groupText(chat, budi, "/mulai", null);
        Sent[] question = new Sent[1];
        GroupJourney.awaitStep(telegram, "the question", () -> {
            question[0] = telegram.sentTo(chat).stream().filter(Sent::isQuestion).findFirst().orElse(null);
            return question[0] != null;
        });
        return question[0];
    }

    @Test
    void aVoiceNoteAPhotoAndAPlaceAnswerAndReachTheFacilitatorOnce() {
        Sent question = started();
        assertThat(question.text()).contains("Apa saja yang sudah ada di sekitar kita?")
                .contains("foto, pesan suara atau lokasi");
        awaitRecorded(question);

        long voice = telegram.voiceNote(chat, budi, question.messageId(), 42, OGG).messageId();
        long photo = telegram.photo(chat, ani, question.messageId(), "sumur tua", JPEG).messageId();
        long place = telegram.location(chat, sari, question.messageId(), -7.801194, 110.364917).messageId();

        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());
        String summary = telegram.summaries(facilitator.id()).get(0).text();
        assertThat(summary).contains("🎤 Budi, pesan suara 0:42").contains("📷 Ani, foto: sumur tua")
                .contains("📍 Sari, lokasi (-7.80119, 110.36492)");
        GroupJourney.awaitStep(telegram, "three copies", () -> telegram.copiesIn(facilitator.id()).size() == 3);
        assertThat(telegram.copiesIn(facilitator.id())).extracting(FakeTelegram.Copy::fromMessageId)
                .containsExactly(voice, photo, place);
        assertThat(telegram.copiesIn(facilitator.id())).extracting(FakeTelegram.Copy::caption)
                .containsExactly("🎤 Budi, pesan suara 0:42", "📷 Ani, foto: sumur tua", null);
        // the copies come after the summary, and no second time
        long summaryId = telegram.summaries(facilitator.id()).get(0).messageId();
        assertThat(telegram.copiesIn(facilitator.id())).allSatisfy(c -> assertThat(c.messageId()).isGreaterThan(summaryId));
        telegram.groupText(chat, budi, "/status", null);
        GroupJourney.awaitStep(telegram, "the status", () -> telegram.textsSentTo(chat).stream()
                .anyMatch(t -> t.contains("sudah selesai. Menunggu pendamping")));
        assertThat(telegram.copiesIn(facilitator.id())).hasSize(3);
    }

    @Test
    void aPhotoWhereOnlyWordsAnswerGetsOneLineSayingSo() {
        Sent first = started();
        awaitRecorded(first);
        for (Person resident : List.of(budi, ani, sari)) {
            telegram.groupText(chat, resident, "balai warga", first.messageId());
        }
        GroupJourney.awaitStep(telegram, "the summary", () -> !telegram.summaries(facilitator.id()).isEmpty());
        Sent summary = telegram.summaries(facilitator.id()).get(0);
        telegram.press(facilitator, summary, summary.allButtons().stream().map(FakeTelegram.Button::data)
                .filter(d -> d.startsWith("f|" + chat + "|ADVANCE|")).findFirst().orElseThrow());
        Sent[] second = new Sent[1];
        GroupJourney.awaitStep(telegram, "the next stage's question", () -> {
            second[0] = telegram.sentTo(chat).stream().filter(s -> s.isQuestion() && s.text().contains("Ada pesan"))
                    .findFirst().orElse(null);
            return second[0] != null;
        });
        awaitRecorded(second[0]);

        telegram.photo(chat, ani, second[0].messageId(), null, JPEG);
        telegram.photo(chat, ani, second[0].messageId(), null, JPEG);

        String needed = "Ani, pertanyaan ini perlu dijawab dengan tulisan";
        GroupJourney.awaitStep(telegram, "the line", () -> telegram.textsSentTo(chat).stream().anyMatch(t -> t.contains(needed)));
        telegram.groupText(chat, ani, "/status", null);
        GroupJourney.awaitStep(telegram, "the status", () -> telegram.textsSentTo(chat).stream()
                .anyMatch(t -> t.contains("Sudah menjawab: 0/")));
        assertThat(telegram.textsSentTo(chat).stream().filter(t -> t.contains(needed))).hasSize(1);
    }

    private void awaitRecorded(Sent question) {
        GroupJourney.awaitStep(telegram, "the question's id recorded", () -> {
            try (var redis = io.lettuce.core.RedisClient.create(RedisServerExtension.url()).connect()) {
                return redis.sync().hexists(ConversationKeys.promptMessages(Long.toString(chat)),
                        Long.toString(question.messageId()));
            }
        });
    }
}
