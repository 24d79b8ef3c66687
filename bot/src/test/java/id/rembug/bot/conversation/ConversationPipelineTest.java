package id.rembug.bot.conversation;

import id.rembug.bot.pipeline.RedisInbox;
import id.rembug.bot.knowledge.PostedArticles;
import id.rembug.bot.summaries.DigestScheduler;
import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.TestRedis;
import org.junit.jupiter.api.Test;
import id.rembug.dialogues.engine.Command;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.SendResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox, the workers, the engine and the atomic commit to the outbox, on a real Redis. */
@TestRedis
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=false"})
@Import(ConversationPipelineTest.EveryoneLeads.class)
@DirtiesContext // its conversation workers must not live on into other tests that share the Redis
class ConversationPipelineTest {

    /**
     * The platform's answer to "may this person lead the group?": this test's chats belong to no
     * platform (dispatch is off), and what it pins down is the pipeline, so everyone may.
     */
    @TestConfiguration
    static class EveryoneLeads {
        @Bean
        ChatGateway everyoneLeadsTheTestGroups() {
            return new ChatGateway() {
                @Override
                public boolean handles(String chatId) {
                    return ChatGateway.isGroupChat(chatId);
                }

                @Override
                public SendResult send(Outgoing message) {
                    throw new UnsupportedOperationException("dispatch is off in this test");
                }

                @Override
                public Standing standing(String groupChatId, String userId) {
                    return Standing.LEADS;
                }
            };
        }
    }


    @Autowired
    ButtonSigner signer;
    @Autowired
    RedisInbox inbox;
    @Autowired
    ConversationStore store;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DigestScheduler digests;
    @Autowired
    PostedArticles postedArticles;
    @Autowired
    id.rembug.bot.knowledge.KnowledgeAdvisor advisor;

    private final String chat = "-100" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
    private final ChatUser sari = ChatUser.person("501", "Sari");
    private final ChatUser ani = ChatUser.person("502", "Ani");

    @Test
    void addingTheBotQueuesItsIntroductionForTheGroup() {
        inbox.append(List.of(joined("tg:1")));

        List<Outgoing> sent = awaitOutbox(chat, 1);
        assertThat(sent.get(0).kind()).isEqualTo(Outgoing.Kind.TEXT);
        assertThat(sent.get(0).text()).contains("/fasilitator");
    }

    @Test
    void startingIsOneMessageThatIntroducesTheStageAndAsksItsFirstQuestionAsAReplyRequest() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", sari, "/fasilitator"), command("tg:3", ani, "/mulai")));

        List<Outgoing> sent = awaitOutbox(chat, 3);
        Outgoing question = sent.get(2);
        assertThat(question.promptRef()).isEqualTo("persiapan|1|0");
        assertThat(question.forceReply()).isTrue();
        assertThat(question.text()).contains("Langkah 1 · Saling kenal");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> outbox(chat).size() == 3);
    }

    @Test
    void groupsNamedInOneWorkReadEachHaveTheirEntriesAppliedFromTheReadAhead() {
        String other = "-200" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        inbox.append(List.of(joined("tg:1"), joinedIn(other, "tg:11")));
        awaitOutbox(chat, 1);
        awaitOutbox(other, 1); // both groups are now kept in memory, so their next entries are read ahead together

        inbox.append(List.of(command("tg:2", sari, "/fasilitator"), commandIn(other, "tg:12", sari, "/fasilitator"),
                command("tg:3", ani, "/mulai"), commandIn(other, "tg:13", ani, "/mulai")));

        for (String group : List.of(chat, other)) {
            assertThat(awaitOutbox(group, 3).get(2).promptRef()).as(group).isEqualTo("persiapan|1|0");
        }
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> outbox(chat).size() == 3 && outbox(other).size() == 3);
    }

    @Test
    void aFollowUpLeftByAWorkerThatStoppedHalfWayIsAppliedBeforeTheNextEntrysOwn() {
        inbox.append(List.of(joined("tg:1")));
        awaitOutbox(chat, 1);
        String introduction = redis.opsForList().index(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chat), 0);
        assertThat(introduction).isNotNull();
        // what a commit queued outside the conversation's slot, left on the list by a worker that stopped
        String leftOver = ConversationFollowUps.write(new ConversationFollowUps.FollowUp("1-0", List.of(
                new ConversationFollowUps.Op("enqueue", List.of(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chat),
                        OutboxKeys.ready(Outgoing.Lane.CONVERSATION)), List.of(introduction, "0", chat)))));
        redis.opsForList().rightPush(ConversationKeys.followUps(chat), leftOver);

        inbox.append(List.of(command("tg:2", sari, "/fasilitator")));

        List<Outgoing> sent = awaitOutbox(chat, 3);
        assertThat(sent).extracting(Outgoing::text).first().isEqualTo(sent.get(1).text());
        assertThat(sent.get(2).text()).isNotEqualTo(sent.get(0).text());
        await().atMost(Duration.ofSeconds(3)).until(() -> redis.opsForList().size(ConversationKeys.followUps(chat)) == 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> outbox(chat).size() == 3);
    }

    @Test
    void answersCommittedTogetherQueueOnlyTheLastProgressEditOfTheirQuestion() {
        Instant at = Instant.now();
        List<ConversationStore.Applied> batch = new java.util.ArrayList<>();
        for (int answer = 1; answer <= 3; answer++) {
            Plan plan = new Plan(null);
            plan.outgoing.add(Outgoing.edit(chat + ":" + answer + "-0:0", chat, chat, "question-1",
                    "Siapa nama Anda?\n✅ " + answer + " dari 5 sudah menjawab", List.of(), at));
            batch.add(new ConversationStore.Applied(answer + "-0", plan));
        }
        Plan other = new Plan(null);
        other.outgoing.add(Outgoing.edit(chat + ":4-0:0", chat, chat, "question-2", "Apa harapan Anda?", List.of(), at));
        batch.add(new ConversationStore.Applied("4-0", other));

        assertThat(store.commit(new ConversationStore.Snapshot(chat, null, "", chat, java.util.Map.of()), batch, at))
                .isTrue();

        assertThat(outbox(chat)).extracting(Outgoing::text)
                .containsExactly("Siapa nama Anda?\n✅ 3 dari 5 sudah menjawab", "Apa harapan Anda?");
        assertThat(redis.opsForHash().get(ConversationKeys.group(chat), "applied")).isEqualTo("4-0");
    }

    @Test
    void aRedeliveredUpdateChangesNothing() {
        inbox.append(List.of(joined("tg:1")));
        awaitOutbox(chat, 1);

        int added = inbox.append(List.of(joined("tg:1")));

        assertThat(added).isZero();
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> outbox(chat).size() == 1);
    }

    @Test
    void aFacilitatorOnTheDailyDigestGetsSummariesOnlyWhenTheDigestGoesOut() {
        inbox.append(untilTheFirstSummaryIsHeld());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> redis.opsForList().size(ConversationKeys.digest(sari.id())) == 1);
        assertThat(outbox(sari.id())).isEmpty();
        // the held summary keeps an id of its own: no message sent now may share it
        String held = ChannelCodec.readOutgoing(redis.opsForList().index(ConversationKeys.digest(sari.id()), 0)).id();
        assertThat(outbox(chat)).extracting(Outgoing::id).doesNotContain(held);

        assertThat(digests.release()).isEqualTo(1);

        assertThat(outbox(sari.id())).singleElement()
                .satisfies(summary -> assertThat(summary.text()).contains("1/17"));
        assertThat(redis.opsForList().size(ConversationKeys.digest(sari.id()))).isZero();
    }

    @Test
    void aStageWhoseFirstQuestionWantsAReplyOffersWhyItMattersAsALineToType() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/mulai")));
        Outgoing opening = awaitOutbox(chat, 2).get(1);

        // a message that asks for a reply can carry no button
        assertThat(opening.forceReply()).isTrue();
        assertThat(opening.buttons()).isEmpty();
        assertThat(opening.text()).contains("/baca ");
    }

    @Test
    void theWhyButtonIsAnsweredWithAnAlertOnlyAndPostsNothingToTheGroup() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/mulai")));
        awaitOutbox(chat, 2);

        inbox.append(List.of(new Inbound.ButtonPressed("tg:3", chat, false, Instant.now(), ani, "cb-1", "7",
                "k|persiapan")));

        Outgoing answer = awaitOutbox(chat, 3).get(2);
        assertThat(answer.kind()).isEqualTo(Outgoing.Kind.CALLBACK_ANSWER);
        assertThat(answer.alert()).isTrue();
        assertThat(answer.text()).startsWith("❔ Saling kenal\n").endsWith("/baca tahap-persiapan")
                .hasSizeLessThanOrEqualTo(Outgoing.MAX_CALLBACK_ANSWER_LENGTH);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> outbox(chat).size() == 3);
    }

    @Test
    void aReadButtonInTheGroupPostsItsArticleOnceUnderItsMessageAndLaterPressesGetAToast() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/tanya bagaimana menentukan tujuan bersama?")));
        Outgoing answer = awaitOutbox(chat, 2).get(1);
        String read = answer.buttons().get(0).get(0).callbackData();
        assertThat(read).isEqualTo("r|tahap-arah");

        inbox.append(List.of(
                new Inbound.ButtonPressed("tg:3", chat, false, Instant.now(), ani, "cb-1", "8", read),
                new Inbound.ButtonPressed("tg:4", chat, false, Instant.now(), sari, "cb-2", "8", read),
                new Inbound.ButtonPressed("tg:5", chat, false, Instant.now(), ani, "cb-3", "8", read)));

        List<Outgoing> after = awaitOutbox(chat, 6);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> outbox(chat).size() == 6);
        List<Outgoing> texts = after.subList(2, 6).stream().filter(o -> o.kind() == Outgoing.Kind.TEXT).toList();
        assertThat(texts).singleElement().satisfies(article -> {
            assertThat(article.text()).startsWith("📘 Menentukan arah\n\n");
            assertThat(article.replyToMessageId()).isEqualTo("8");
        });
        assertThat(after.subList(2, 6)).filteredOn(o -> o.kind() == Outgoing.Kind.CALLBACK_ANSWER)
                .extracting(Outgoing::callbackId, Outgoing::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("cb-1", GroupPlanner.TICK),
                        org.assertj.core.groups.Tuple.tuple("cb-2", advisor.readPosted("tahap-arah", id.rembug.dialogues.flow.Language.ID)),
                        org.assertj.core.groups.Tuple.tuple("cb-3", advisor.readPosted("tahap-arah", id.rembug.dialogues.flow.Language.ID)));
    }

    @Test
    void aPressAppliedAgainAfterACrashPostsItsArticleAgainWhereAnotherPressDoesNot() {
        String group = chat;

        assertThat(postedArticles.claim(group, "8", "tahap-arah", "tg:3")).isTrue();
        assertThat(postedArticles.claim(group, "8", "tahap-arah", "tg:3")).as("the same press, retried").isTrue();
        assertThat(postedArticles.claim(group, "8", "tahap-arah", "tg:4")).as("another press").isFalse();
        assertThat(postedArticles.claim(group, "9", "tahap-arah", "tg:4")).as("under another message").isTrue();
        assertThat(redis.getExpire(ConversationKeys.postedArticle(group, "8", "tahap-arah"))).isPositive();
    }

    @Test
    void askingTheKnowledgeBaseInTheGroupGetsAnAnswerWithAnArticleToRead() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/tanya gimana caranya supaya warga yg diam mau bicara?")));

        Outgoing answer = awaitOutbox(chat, 2).get(1);
        assertThat(answer.text()).contains("/baca");
        assertThat(answer.replyToMessageId()).isEqualTo("2");
    }

    @Test
    void aReplyToTheBotsQuestionCountsEvenBeforeItsDeliveryWasRecorded() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/mulai")));
        Outgoing question = awaitOutbox(chat, 2).get(1);

        // dispatch is off in this test, so no question's message id is recorded
        inbox.append(List.of(new Inbound.Message("tg:3", chat, false, Instant.now(), ani, "3", "Saya Ani", "99",
                true, false)));

        // no message and no reaction for the answer: the question's own message shows the progress
        Outgoing progress = awaitOutbox(chat, 3).get(2);
        assertThat(progress.kind()).isEqualTo(Outgoing.Kind.EDIT);
        assertThat(progress.editOf()).isEqualTo(question.id());
        assertThat(progress.text()).startsWith(question.text()).endsWith("✅ 1 dari 2 sudah menjawab");
        assertThat(redis.opsForHash().keys(ConversationKeys.answers(chat))).hasSize(1);
    }

    @Test
    void aReplyToSomeoneElseIsNoAnswer() {
        inbox.append(List.of(joined("tg:1"), command("tg:2", ani, "/mulai")));
        awaitOutbox(chat, 2);

        inbox.append(List.of(new Inbound.Message("tg:3", chat, false, Instant.now(), ani, "3", "setuju, Bu", "2",
                false, false)));

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> outbox(chat).size() == 2);
    }

    @Test
    void aNoticeAfterAHeldSummaryNeverTakesItsIdAndIdsStayUniqueAcrossTurns() {
        // tg:6 holds the summary (it leaves that plan) and tells the group what comes next; more turns follow
        List<Inbound> entries = new java.util.ArrayList<>(untilTheFirstSummaryIsHeld());
        entries.addAll(List.of(command("tg:7", ani, "/lanjut"),
                new Inbound.ButtonPressed("tg:8", chat, false, Instant.now(), sari, "cb-8", "10",
                        signer.seal(new CallbackData.GroupCommand(Command.ADVANCE, "persiapan:1:yes"), chat))));
        inbox.append(entries);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> redis.opsForList().size(ConversationKeys.digest(sari.id())) == 1);
        String held = ChannelCodec.readOutgoing(redis.opsForList().index(ConversationKeys.digest(sari.id()), 0)).id();
        String heldEntry = held.substring(0, held.lastIndexOf(':') + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(chat).stream()
                .filter(message -> message.id().startsWith(heldEntry)).count() >= 2);

        List<String> ids = new java.util.ArrayList<>(outbox(chat).stream().map(Outgoing::id).toList());
        assertThat(ids).doesNotContain(held);
        ids.add(held);
        assertThat(ids).as("every id its own, across entries").doesNotHaveDuplicates();
    }

    /** A facilitator on the daily digest moves a stage nobody answered on: its summary is held. */
    private List<Inbound> untilTheFirstSummaryIsHeld() {
        return List.of(joined("tg:1"), command("tg:2", sari, "/fasilitator"),
                command("tg:3", sari, "/ringkasan harian"), command("tg:4", ani, "/mulai"),
                command("tg:5", sari, "/lanjut"),
                // nobody answered yet, so /lanjut asked first: Sari confirms
                new Inbound.ButtonPressed("tg:6", chat, false, Instant.now(), sari, "cb-6", "9",
                        signer.seal(new CallbackData.GroupCommand(Command.ADVANCE, "persiapan:1:yes"), chat)));
    }

    private Inbound joined(String updateId) {
        return new Inbound.MembersJoined(updateId, chat, Instant.now(), sari, List.of(new ChatUser("999", "Rembug", true)),
                true);
    }

    private Inbound joinedIn(String chatId, String updateId) {
        return new Inbound.MembersJoined(updateId, chatId, Instant.now(), sari,
                List.of(new ChatUser("999", "Rembug", true)), true);
    }

    private Inbound commandIn(String chatId, String updateId, ChatUser from, String text) {
        return new Inbound.Message(updateId, chatId, false, Instant.now(), from, updateId.substring(3), text, null, false,
                false);
    }

    private Inbound command(String updateId, ChatUser from, String text) {
        return new Inbound.Message(updateId, chat, false, Instant.now(), from, updateId.substring(3), text, null, false, false);
    }

    private List<Outgoing> awaitOutbox(String chatId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(chatId).size() >= count);
        return outbox(chatId);
    }

    private List<Outgoing> outbox(String chatId) {
        List<String> json = redis.opsForList().range(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chatId), 0, -1);
        return json == null ? List.of() : json.stream().map(ChannelCodec::readOutgoing).toList();
    }
}
