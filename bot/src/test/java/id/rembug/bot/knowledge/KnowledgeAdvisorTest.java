package id.rembug.bot.knowledge;

import static id.rembug.bot.knowledge.StageSummaries.answer;
import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Stage;
import id.rembug.knowledge.Article;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The deterministic knowledge replies, in both languages, over the shipped articles and the stock flow. */
class KnowledgeAdvisorTest {

    private static final int TELEGRAM_MESSAGE_LIMIT = 4096;
    @RegisterExtension
    static final ShippedKnowledge knowledge = new ShippedKnowledge();

    private static Article article(String id) {
        return knowledge.search().findById(id).orElseThrow();
    }

    @Nested
    class Ask {

        @Test
        void foundQuestionGetsTitleSummaryAndTheReadCommand() {
            Reply reply = knowledge.advisor().ask("bagaimana menentukan tujuan bersama?", Language.ID);

            Article arah = article("tahap-arah");
            assertThat(reply.text())
                    .startsWith("📘 " + arah.title().id() + "\n" + arah.summary().id())
                    .contains("Baca selengkapnya: /baca tahap-arah");
            assertThat(reply.buttons()).first().isEqualTo(new ReplyButton("📖 Menentukan arah", "tahap-arah"));
        }

        @Test
        void foundQuestionInEnglishIsAnsweredInEnglish() {
            Reply reply = knowledge.advisor().ask("how do we set a good goal?", Language.EN);

            Article goal = article("praktis-tujuan-yang-baik");
            assertThat(reply.text())
                    .startsWith("📘 " + goal.title().en() + "\n" + goal.summary().en())
                    .contains("Read more: /baca praktis-tujuan-yang-baik")
                    .doesNotContain("Baca selengkapnya");
            assertThat(reply.buttons()).extracting(ReplyButton::articleId).first().isEqualTo("praktis-tujuan-yang-baik");
        }

        @Test
        void otherRelevantArticlesAreOfferedAsReadLines() {
            Reply reply = knowledge.advisor().ask("how do we set a good goal?", Language.EN);

            assertThat(reply.text()).contains("See also:\n/baca tahap-arah · Defining directions");
            assertThat(reply.buttons()).hasSizeBetween(2, 3);
            for (ReplyButton button : reply.buttons().subList(1, reply.buttons().size())) {
                assertThat(reply.text()).contains("/baca " + button.articleId() + " · ");
            }
        }

        @Test
        void unansweredQuestionSaysSoAndOffersAtMostThreeNearbyTopics() {
            Reply reply = knowledge.advisor().ask("siapa yang harus memimpin doa", Language.ID);

            assertThat(reply.text()).startsWith("Maaf, saya belum menemukan jawabannya")
                    .contains("/baca teknik-diskusi-kelompok")
                    .doesNotContain("📘");
            assertThat(reply.buttons()).hasSizeBetween(1, 3);
            assertThat(reply.text().lines().filter(line -> line.startsWith("/baca "))).hasSize(reply.buttons().size());
        }

        @Test
        void unansweredQuestionWithNothingNearbySuggestsAskingAgain() {
            Reply reply = knowledge.advisor().ask("asdf jkl", Language.EN);

            assertThat(reply.text()).startsWith("Sorry, I could not find the answer").contains("other words")
                    .doesNotContain("/baca");
            assertThat(reply.buttons()).isEmpty();
        }

        @Test
        void emptyQuestionExplainsHowToAskWithAnExample() {
            for (String empty : new String[]{null, "", "   "}) {
                assertThat(knowledge.advisor().ask(empty, Language.ID).text()).contains("/tanya bagaimana");
                assertThat(knowledge.advisor().ask(empty, Language.EN).text()).contains("/tanya how");
            }
            assertThat(knowledge.advisor().ask("", Language.ID).buttons()).isEmpty();
        }
    }

    @Nested
    class Read {

        @Test
        void articleIsSentWholeAsPlainText() {
            Reply reply = knowledge.advisor().read("tahap-arah", Language.ID);

            assertThat(reply.text()).startsWith("📘 Menentukan arah\n\nUntuk apa:")
                    .contains("• Ajak setiap anggota menulis satu tujuan")
                    .contains("Jebakan umum:")
                    .doesNotContain("**").doesNotContain("\n- ");
        }

        @Test
        void articleInEnglish() {
            assertThat(knowledge.advisor().read("peran-mediator", Language.EN).text())
                    .startsWith("📘 The mediator role\n\nWhat it means:")
                    .contains("• Looking for values everyone holds");
        }

        @Test
        void idMayBeTypedWithCapitalsOrUnderscores() {
            assertThat(knowledge.advisor().read("Tahap_Arah", Language.ID)).isEqualTo(knowledge.advisor().read("tahap-arah", Language.ID));
        }

        @Test
        void everyArticleFitsInOneTelegramMessage() {
            for (Article article : knowledge.search().knowledgeBase().articles()) {
                for (Language language : Language.values()) {
                    assertThat(knowledge.advisor().read(article.id(), language).text().length())
                            .as("%s (%s)", article.id(), language).isLessThan(TELEGRAM_MESSAGE_LIMIT);
                }
            }
        }

        @Test
        void unknownIdIsNamedWithWhereIdsAreFound() {
            assertThat(knowledge.advisor().read("tahap-terbang", Language.ID).text())
                    .contains("\"tahap-terbang\"").contains("/tanya");
            assertThat(knowledge.advisor().read("tahap-terbang", Language.EN).text())
                    .startsWith("There is no article with the code \"tahap-terbang\"").contains("/tanya");
        }

        @Test
        void unknownIdIsEchoedOnlyAsSafeShortCharacters() {
            String text = knowledge.advisor().read("<b>" + "x".repeat(100) + "</b>", Language.ID).text();

            assertThat(text).doesNotContain("<").doesNotContain(">").doesNotContain("x".repeat(41))
                    .contains("\"b" + "x".repeat(39) + "\"");
        }

        @Test
        void missingIdExplainsUsage() {
            assertThat(knowledge.advisor().read(" ", Language.ID).text()).contains("/baca tahap-arah");
            assertThat(knowledge.advisor().read(null, Language.EN).text()).startsWith("Type /baca and the article's code");
        }
    }

    @Nested
    class WhyStage {

        @Test
        void stageGetsItsArticleSummaryAndReadHint() {
            Reply reply = knowledge.advisor().whyStage("sumber", Language.ID);

            assertThat(reply.text()).contains("Kenapa tahap \"Menggali sumber daya\" penting?")
                    .contains(article("tahap-sumber").summary().id())
                    .endsWith("Baca selengkapnya: /baca tahap-sumber");
            assertThat(reply.buttons()).extracting(ReplyButton::articleId).containsExactly("tahap-sumber");
        }

        @Test
        void stageInEnglish() {
            assertThat(knowledge.advisor().whyStage("arah", Language.EN).text())
                    .startsWith("❔ Why does \"Defining directions\" matter?")
                    .contains(article("tahap-arah").summary().en())
                    .endsWith("Read more: /baca tahap-arah");
        }

        @Test
        void buttonLabelInBothLanguages() {
            assertThat(knowledge.advisor().whyButtonLabel(Language.ID)).contains("Kenapa tahap ini penting?");
            assertThat(knowledge.advisor().whyButtonLabel(Language.EN)).contains("Why does this stage matter?");
        }

        @Test
        void stageWithoutArticleGetsAnHonestAnswerAndNoButton() {
            Reply reply = knowledge.advisor().whyStage("tahap-baru", Language.ID);

            assertThat(reply.text()).startsWith("Belum ada artikel tentang tahap ini");
            assertThat(reply.buttons()).isEmpty();
            assertThat(knowledge.advisor().hasStageArticle("tahap-baru")).isFalse();
            assertThat(knowledge.advisor().hasStageArticle("arah")).isTrue();
        }

        @Test
        void everyStockStageHasItsArticle() {
            assertThat(knowledge.advisor().stagesWithoutArticle()).isEmpty();
        }

        @Test
        void customFlowWithStagesWithoutArticlesStillStartsAndListsThem() {
            KnowledgeAdvisor custom = new KnowledgeAdvisor(knowledge.search(), FlowLoader.loadResource("flows/mini.yaml"),
                    KnowledgeTexts.loadDefault(), AnswerSignals.loadDefault());

            assertThat(custom.stagesWithoutArticle()).contains("kenal");
            assertThat(custom.whyStage("kenal", Language.EN).buttons()).isEmpty();
        }
    }

    /** What a person sees when they press the "why" or a "read" button in a group: an alert, never a message. */
    @Nested
    class Alerts {

        private static final int ALERT_LIMIT = 200;

        @Test
        void whyAlertFitsTelegramsTwoHundredCharacters() {
            KnowledgeTexts texts = KnowledgeTexts.loadDefault();
            for (Stage stage : StageSummaries.STOCK_FLOW.stages()) {
                for (Language language : Language.values()) {
                    String alert = knowledge.advisor().whyAlert(stage.key(), language);

                    assertThat(alert.length()).as("%s (%s)", stage.key(), language).isLessThanOrEqualTo(ALERT_LIMIT);
                    assertThat(alert).as("%s (%s)", stage.key(), language)
                            .startsWith("❔ " + stage.title().in(language) + "\n")
                            .contains(texts.stageWhy(stage.key(), language).orElseThrow())
                            .endsWith("/baca tahap-" + stage.key());
                }
            }
        }

        @Test
        void whyAlertSaysWhyInAFewWordsAndPointsToTheWholeArticle() {
            assertThat(knowledge.advisor().whyAlert("arah", Language.ID)).isEqualTo("""
                    ❔ Menentukan tujuan bersama
                    Tujuan bersama menjadi pegangan untuk setiap langkah sesudahnya. Tujuan yang baik terukur dan \
                    punya batas waktu.
                    Baca selengkapnya: /baca tahap-arah""");
            assertThat(knowledge.advisor().whyAlert("arah", Language.EN)).startsWith("❔ Choosing our goal\nShared goals")
                    .endsWith("\nRead more: /baca tahap-arah");
        }

        @Test
        void stageWithoutItsOwnWhyGetsItsArticleSummaryCutAfterAWholeSentence() {
            KnowledgeAdvisor withoutWhy = new KnowledgeAdvisor(knowledge.search(), StageSummaries.STOCK_FLOW,
                    KnowledgeTexts.parse(shippedTextsWithoutStageWhy(), "knowledge.yaml"), AnswerSignals.loadDefault());
            Article sumber = article("tahap-sumber");
            assertThat(sumber.summary().id().length()).isGreaterThan(150);

            String alert = withoutWhy.whyAlert("sumber", Language.ID);

            assertThat(alert.length()).isLessThanOrEqualTo(ALERT_LIMIT);
            assertThat(alert).startsWith("❔ Apa yang sudah kita punya\n").endsWith("\nBaca selengkapnya: /baca tahap-sumber");
            String kept = alert.substring("❔ Apa yang sudah kita punya\n".length(), alert.indexOf("\nBaca selengkapnya"));
            assertThat(sumber.summary().id()).startsWith(kept);
            assertThat(kept).endsWith(".").isNotEqualTo(sumber.summary().id());
        }

        @Test
        void everyStageAlertFitsAndIsCutOnlyBetweenSentencesOrWordsEvenWithoutItsOwnWhy() {
            KnowledgeAdvisor withoutWhy = new KnowledgeAdvisor(knowledge.search(), StageSummaries.STOCK_FLOW,
                    KnowledgeTexts.parse(shippedTextsWithoutStageWhy(), "knowledge.yaml"), AnswerSignals.loadDefault());
            for (Stage stage : StageSummaries.STOCK_FLOW.stages()) {
                for (Language language : Language.values()) {
                    Article article = article("tahap-" + stage.key());
                    assertCutOnlyBetweenSentencesOrWords(withoutWhy.whyAlert(stage.key(), language),
                            "❔ " + stage.title().in(language) + "\n" + article.summary().in(language.code()),
                            knowledge.advisor().readMore(article.id(), language), stage.key() + " " + language);
                }
            }
        }

        @Test
        void readAlertOfEveryArticleFitsAndIsCutOnlyBetweenSentencesOrWords() {
            for (Article article : knowledge.search().knowledgeBase().articles()) {
                for (Language language : Language.values()) {
                    assertCutOnlyBetweenSentencesOrWords(knowledge.advisor().readAlert(article.id(), language),
                            "📘 " + article.title().in(language.code()) + "\n" + article.summary().in(language.code()),
                            knowledge.advisor().readMore(article.id(), language), article.id() + " " + language);
                }
            }
        }

        /**
         * Within 200 characters: the whole text and the pointer; or whole sentences of it and the
         * pointer; or the whole text alone; or the text cut between two words, "…", and the pointer.
         */
        private static void assertCutOnlyBetweenSentencesOrWords(String alert, String full, String pointer, String what) {
            assertThat(alert.length()).as(what).isLessThanOrEqualTo(ALERT_LIMIT);
            boolean pointed = alert.endsWith("\n" + pointer);
            String body = pointed ? alert.substring(0, alert.length() - pointer.length() - 1) : alert;
            if (body.endsWith("…")) {
                String kept = body.substring(0, body.length() - 1);
                assertThat(pointed).as(what + ": a cut text points to the rest").isTrue();
                assertThat(full).as(what).startsWith(kept);
                assertThat(full.charAt(kept.length())).as(what + ": cut between words").isIn(' ', ',', ';', ':');
            } else {
                assertThat(full).as(what).startsWith(body);
                if (!body.equals(full)) {
                    assertThat(body).as(what + ": cut after a sentence").matches("(?s).*[.!?]");
                    assertThat(pointed).as(what + ": a cut text points to the rest").isTrue();
                }
            }
        }

        @Test
        void unknownArticleAlertSaysWhereTheIdsAre() {
            assertThat(knowledge.advisor().readAlert("tahap-terbang", Language.ID))
                    .hasSizeLessThanOrEqualTo(ALERT_LIMIT).contains("\"tahap-terbang\"");
        }

        @Test
        void laterPressesAreToldTheArticleIsAlreadyInTheGroup() {
            assertThat(knowledge.advisor().readPosted("tahap-arah", Language.ID)).contains("\"Menentukan arah\" sudah dikirim");
            assertThat(knowledge.advisor().readPosted("tahap-arah", Language.EN)).contains("\"Defining directions\" is already");
        }

        @Test
        void aLongBodyWithoutSentenceEndsIsCutBetweenWordsAndKeepsThePointer() {
            String body = "kata ".repeat(80).strip();

            String alert = KnowledgeAdvisor.fitAlert(body, "Baca selengkapnya: /baca tahap-arah");

            assertThat(alert).hasSizeLessThanOrEqualTo(ALERT_LIMIT).endsWith("kata…\nBaca selengkapnya: /baca tahap-arah");
        }

        @Test
        void aBodyThatFitsOnlyWithoutThePointerIsKeptWholeRatherThanCutMidSentence() {
            String body = "kata ".repeat(38).strip();

            assertThat(KnowledgeAdvisor.fitAlert(body, "Baca selengkapnya: /baca tahap-arah")).isEqualTo(body);
        }

        private static String shippedTextsWithoutStageWhy() {
            try (var in = KnowledgeAdvisorTest.class.getClassLoader().getResourceAsStream(KnowledgeTexts.DEFAULT_RESOURCE)) {
                String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return yaml.substring(0, yaml.indexOf("\nstage-why:"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Nested
    class FacilitatorNotes {

        @Test
        void calmAnswersGetOnlyTheNextStageTipFromItsArticle() {
            StageSummary summary = StageSummaries.of("tantangan",
                    answer("masalah", "Sari", "selokan mampet\nsampah di sungai"),
                    answer("jadi-tantangan", "Budi", "Bagaimana kita membersihkan selokan tiap bulan?"));

            List<String> notes = knowledge.advisor().facilitatorNotes(summary, Language.ID);

            assertThat(notes).containsExactly("💡 Untuk tahap berikutnya, Menentukan tujuan bersama (Menentukan arah): "
                    + article("tahap-arah").tip().id() + " (/baca tahap-arah)");
        }

        @Test
        void nextStageTipInEnglish() {
            List<String> notes = knowledge.advisor().facilitatorNotes(StageSummaries.of("arah"), Language.EN);

            assertThat(notes).containsExactly("💡 For the next stage, What we already have (Exploring resource systems): "
                    + article("tahap-sumber").tip().en() + " (/baca tahap-sumber)");
        }

        @Test
        void lastStageHasNoNextStageTip() {
            assertThat(knowledge.advisor().facilitatorNotes(StageSummaries.of("evaluasi"), Language.ID)).isEmpty();
        }

        @Test
        void quarrelInTheAnswersAddsTheMediatorHint() {
            StageSummary summary = StageSummaries.of("tantangan",
                    answer("masalah", "Sari", "warga RT 3 dan RT 4 sering ribut soal parkir"),
                    answer("jadi-tantangan", "Budi", "Saya tidak setuju kalau parkir dilarang"));

            List<String> notes = knowledge.advisor().facilitatorNotes(summary, Language.ID);

            assertThat(notes).hasSize(2);
            assertThat(notes.get(1)).startsWith("⚖️ Ada tanda perselisihan di jawaban (\"ribut\", \"tidak setuju\")")
                    .contains(article("peran-mediator").tip().id())
                    .endsWith("(/baca peran-mediator)");
        }

        @Test
        void englishQuarrelAddsTheMediatorHintInEnglish() {
            StageSummary summary = StageSummaries.of("semangat",
                    answer("ganjalan", "Ann", "The youth and the elders keep arguing about the hall"));

            assertThat(knowledge.advisor().facilitatorNotes(summary, Language.EN)).anySatisfy(note -> assertThat(note)
                    .startsWith("⚖️ The answers show signs of disagreement (\"arguing\")")
                    .contains(article("peran-mediator").tip().en()));
        }

        @Test
        void missingResourceInTheAnswersAddsTheBrokerHintPointingToTheAdvocate() {
            StageSummary summary = StageSummaries.of("sumber",
                    answer("yang-ada", "Sari", "balai warga\nkas RT"),
                    answer("tersembunyi", "Budi", "kami butuh tempat menyimpan alat"));

            List<String> notes = knowledge.advisor().facilitatorNotes(summary, Language.ID);

            assertThat(notes).hasSize(2);
            assertThat(notes.get(1)).startsWith("🔗 Ada kebutuhan yang belum terpenuhi (\"butuh\")")
                    .contains(article("peran-broker").tip().id())
                    .contains("/baca peran-broker")
                    .contains("/baca peran-advokat");
        }

        @Test
        void missingResourceChoiceAddsTheBrokerHintWithTheButtonLabel() {
            StageSummary summary = StageSummaries.of("sumber", answer("hambatan", "Sari", "belum-ada"));

            assertThat(knowledge.advisor().facilitatorNotes(summary, Language.EN)).anySatisfy(note -> assertThat(note)
                    .startsWith("🔗 Some needs are not met yet (\"Not available here\")")
                    .contains("/baca peran-advokat"));
        }

        @Test
        void resourceArguedOverRaisesBothMediatorAndBroker() {
            StageSummary summary = StageSummaries.of("sumber", answer("hambatan", "Sari", "rebutan"));

            List<String> notes = knowledge.advisor().facilitatorNotes(summary, Language.ID);

            assertThat(notes).hasSize(3);
            assertThat(notes.get(1)).startsWith("⚖️");
            assertThat(notes.get(2)).startsWith("🔗");
        }

        @Test
        void otherChoicesAndNegatedWordsRaiseNoHint() {
            StageSummary summary = StageSummaries.of("sumber",
                    answer("hambatan", "Sari", "belum-tahu"),
                    answer("tersembunyi", "Budi", "Alhamdulillah tidak ada masalah, tidak pernah bertengkar"));

            assertThat(knowledge.advisor().facilitatorNotes(summary, Language.ID)).singleElement()
                    .satisfies(note -> assertThat(note).startsWith("💡"));
        }

        @Test
        void sameWordFromManyPeopleIsQuotedOnce() {
            StageSummary summary = StageSummaries.of("tantangan",
                    answer("masalah", "Sari", "tetangga ribut"),
                    answer("masalah", "Budi", "pemuda ribut tiap malam"),
                    answer("jadi-tantangan", "Ani", "Bagaimana supaya tidak ribut lagi?"));

            assertThat(knowledge.advisor().facilitatorNotes(summary, Language.ID).get(1)).contains("(\"ribut\")");
        }
    }
}
