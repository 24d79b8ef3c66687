package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MediaKind;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Photos, voice notes and places as answers (flows/media.yaml: peta.sumber takes photo, voice, location). */
class MediaAnswerTest {

    private final Engine engine = new Engine(FlowLoader.loadResource("flows/media.yaml"),
            FlowLoader.loadMessagesResource("flows/test-messages.yaml"), new RuleBasedGoalChecker(),
            EngineSettings.defaults());
    private final Member ani = Member.of("ani", "Ani");
    private final Member budi = Member.of("budi", "Budi");
    private Instant clock = Instant.parse("2026-03-02T02:00:00Z");

    static AnswerMedia photo(String caption) {
        return new AnswerMedia(MediaKind.PHOTO, "AgACAgUAAx0", "AQADsrIxG", null, 51234L, caption, null, null, null,
                "image/jpeg", null);
    }

    static AnswerMedia voice(int seconds) {
        return new AnswerMedia(MediaKind.VOICE, "AwACAgUAAx0", "AgADVQ0AA", seconds, 20480L, null, null, null, null,
                "audio/ogg", null);
    }

    static AnswerMedia place() {
        return new AnswerMedia(MediaKind.LOCATION, null, null, null, null, null, -7.801, 110.364, "Balai Warga", null,
                null);
    }

    private Instant tick() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    private GroupState started() {
        return engine.step(engine.newGroup("g"), new Event.CommandIssued(tick(), ani, "m0", Command.START, "")).state();
    }

    private Step answer(GroupState state, Member member, String ref, String caption, AnswerMedia media) {
        return engine.step(state, new Event.MemberAnswered(tick(), member, ref, null, 0, null, caption, media));
    }

    @Test
    void aQuestionThatTakesMediaSaysWhichUnderItsText() {
        Step step = engine.step(engine.newGroup("g"), new Event.CommandIssued(tick(), ani, "m0", Command.START, ""));

        assertThat(step.effects()).filteredOn(Effect.AskPrompt.class::isInstance).singleElement()
                .isInstanceOfSatisfying(Effect.AskPrompt.class, ask -> assertThat(ask.text())
                        .isEqualTo("Apa yang kita punya?\nBoleh juga foto, pesan suara atau lokasi."));
    }

    @Test
    void aPhotoAVoiceNoteAndAPlaceAreAnswersThatCountForTheQuorum() {
        GroupState state = started();

        Step photo = answer(state, ani, "m1", "sumur tua", photo("sumur tua"));
        Step voice = answer(photo.state(), budi, "m2", "", voice(42));

        assertThat(photo.effects()).anyMatch(e -> e instanceof Effect.Acknowledge ack && ack.answered() == 1);
        assertThat(photo.state().answers()).singleElement().satisfies(a -> {
            assertThat(a.media().kind()).isEqualTo(MediaKind.PHOTO);
            assertThat(a.media().fileUniqueId()).isEqualTo("AQADsrIxG");
            assertThat(a.items()).containsExactly("sumur tua");
        });
        // two residents answered: the quorum of 2 moves the group on to the next question
        assertThat(voice.effects()).anyMatch(e -> e instanceof Effect.AskPrompt ask && ask.promptKey().equals("alasan"));
        assertThat(voice.state().answers()).hasSize(2).last()
                .satisfies(a -> assertThat(a.media().durationSeconds()).isEqualTo(42));

        // a place sent as a reply to the first question, which is still open
        Step located = engine.step(voice.state(),
                new Event.MemberAnswered(tick(), ani, "m3", "peta", 1, "sumber", "", place()));
        assertThat(located.state().answers()).filteredOn(a -> "m3".equals(a.messageRef())).singleElement()
                .satisfies(a -> assertThat(a.media().located()).isTrue());
    }

    @Test
    void mediaWhereOnlyWordsAnswerGetsOneFriendlyLinePerMemberAndQuestion() {
        GroupState state = answer(answer(started(), ani, "m1", "", voice(3)).state(), budi, "m2", "", voice(4)).state();

        Step first = answer(state, ani, "m3", "", photo(null));
        Step second = answer(first.state(), ani, "m4", "", voice(5));

        assertThat(first.effects()).singleElement().isInstanceOfSatisfying(Effect.Say.class, say -> {
            assertThat(say.topic()).isEqualTo("media-words-only");
            assertThat(say.text()).isEqualTo("Ani, jawab dengan tulisan.");
            assertThat(say.replyToRef()).isEqualTo("m3");
        });
        assertThat(first.state().answers()).noneMatch(a -> a.promptKey().equals("alasan"));
        assertThat(second.effects()).isEmpty();
    }

    @Test
    void aKindTheQuestionDoesNotTakeIsAnsweredWithTheKindsItDoes() {
        AnswerMedia document = new AnswerMedia(MediaKind.DOCUMENT, "BQACAgUAAx0", "AgADWQ0AA", null, 1000L, null, null,
                null, "notulen.pdf", "application/pdf", null);

        Step step = answer(started(), ani, "m1", "", document);

        assertThat(step.effects()).singleElement().isInstanceOfSatisfying(Effect.Say.class,
                say -> assertThat(say.text()).isEqualTo("Ani, kirim tulisan atau foto, pesan suara atau lokasi."));
        assertThat(step.state().answers()).isEmpty();
    }

    @Test
    void editingAPhotosCaptionKeepsThePhoto() {
        GroupState state = answer(started(), ani, "m1", "sumur", photo("sumur")).state();

        Step step = engine.step(state, new Event.AnswerEdited(tick(), ani, "m1", "sumur tua"));

        assertThat(step.state().answers()).singleElement().satisfies(a -> {
            assertThat(a.value()).isEqualTo("sumur tua");
            assertThat(a.media().caption()).isEqualTo("sumur tua");
            assertThat(a.media().fileId()).isEqualTo("AgACAgUAAx0");
        });
    }

    @Test
    void theSummarySaysWhatEachMediaAnswerIs() {
        GroupState state = answer(answer(started(), ani, "m1", "sumur tua", photo("sumur tua")).state(),
                budi, "m2", "", voice(42)).state();
        SummaryRenderer renderer = new SummaryRenderer(engine.flow(), engine.messages());
        Answer transcribed = state.answers().get(1).withMedia(state.answers().get(1).media().withTranscript("ada sumur"));

        assertThat(renderer.answerLine(engine.flow().stage("peta").orElseThrow(), state.answers().get(0), Language.ID))
                .isEqualTo("📷 Ani, foto: sumur tua");
        assertThat(renderer.answerLine(engine.flow().stage("peta").orElseThrow(), state.answers().get(1), Language.ID))
                .isEqualTo("🎤 Budi, pesan suara 0:42");
        assertThat(renderer.answerLine(engine.flow().stage("peta").orElseThrow(), transcribed, Language.EN))
                .isEqualTo("🎤 Budi, voice note 0:42\n  📝 machine transcription: “ada sumur”");
    }

    @Test
    void aVoiceNotesTranscriptJoinsItsAnswerOnceAndTheStageSummaryQuotesIt() {
        GroupState state = answer(started(), budi, "m1", "", voice(42)).state();
        Answer stored = state.answers().get(0);
        Event.AnswerTranscribed heard = new Event.AnswerTranscribed(tick(), stored.key(), "AgADVQ0AA", " ada sumur ",
                stored);

        Step first = engine.step(state, heard);
        Step again = engine.step(first.state(), new Event.AnswerTranscribed(tick(), stored.key(), "AgADVQ0AA",
                "kata lain", stored));
        Step otherNote = engine.step(state, new Event.AnswerTranscribed(tick(), stored.key(), "another-note", "x",
                stored));

        assertThat(first.effects()).singleElement().isInstanceOfSatisfying(Effect.AnswerRecorded.class,
                recorded -> assertThat(recorded.answer().media().transcript()).isEqualTo("ada sumur"));
        assertThat(first.state().answers().get(0).media().transcript()).isEqualTo("ada sumur");
        assertThat(first.state().lastActivityAt()).as("a machine's words are no activity of the group")
                .isEqualTo(state.lastActivityAt());
        assertThat(again.effects()).isEmpty();
        assertThat(again.state().answers().get(0).media().transcript()).isEqualTo("ada sumur");
        assertThat(otherNote.effects()).isEmpty();
        // the stage closes: its summary carries the words
        GroupState asked = answer(again.state(), ani, "m2", "", photo("sumur tua")).state();
        Step closing = answer(answer(asked, ani, "m3", "karena air", null).state(), budi, "m4", "tempat kumpul", null);
        assertThat(closing.effects()).filteredOn(Effect.MilestoneReached.class::isInstance)
                .map(e -> ((Effect.MilestoneReached) e).summary())
                .flatMap(StageSummary::prompts).flatMap(StageSummary.PromptAnswers::answers)
                .filteredOn(a -> a.media() != null && a.media().transcript() != null)
                .extracting(a -> a.media().transcript()).containsExactly("ada sumur");
    }

    @Test
    void aStateWithMediaAnswersSurvivesTheJsonRoundTripAndOldStatesReadWithoutMedia() {
        StateCodec codec = new StateCodec();
        GroupState state = answer(answer(started(), ani, "m1", "", place()).state(), budi, "m2", "", voice(42)).state();

        assertThat(codec.readState(codec.write(state))).isEqualTo(state);
        // answers are stored compactly: their media is "md" (see StateCodecTest for the long form)
        String old = codec.write(state).replaceAll(",\"md\":\\{[^}]*}", "");
        assertThat(old).doesNotContain("\"md\"");
        assertThat(codec.readState(old).answers()).allSatisfy(a -> assertThat(a.media()).isNull());
    }
}
