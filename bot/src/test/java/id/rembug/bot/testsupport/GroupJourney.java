package id.rembug.bot.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecordCodec;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.pipeline.ConversationWorkers;
import id.rembug.bot.redis.RedisResilienceConfiguration;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import io.lettuce.core.Range;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One group walking the stock flow through {@link FakeTelegram}, as its people would: the
 * facilitator opens a private chat with the bot, adds it to the group and claims the group, a
 * resident starts, residents answer each question (a reply to a question that asks for one, a
 * press of its buttons otherwise) and the facilitator moves the group on from the private
 * summary. Remembers every answer given, to check what Redis kept.
 *
 * <p>Knows the flow only as a reader of the stock flow file: which question comes next and its
 * kind. Everything else it learns from what the bot sent.
 */
public final class GroupJourney implements AutoCloseable {

    public static final Flow FLOW = FlowLoader.loadResource("flows/stock.yaml");
    public static final Messages MESSAGES = FlowLoader.loadMessagesResource("flows/messages.yaml").addressing(FLOW);
    public static final int QUORUM = 3;
    private int answering = QUORUM;
    private static final Duration STEP = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 100_000 * 100);
    /**
     * A journey's own client on one Redis (or its sentinels) reconnects as the app's does, at least
     * every second: with Lettuce's default (doubling up to 30 s) a test that kills the master would
     * read again only seconds after the failover it waits for, up to twice as long as it took.
     * (On a cluster the client follows the topology instead, see {@link #onCluster}.)
     */
    private static final ClientResources RESOURCES = ClientResources.builder()
            .reconnectDelay(RedisResilienceConfiguration.reconnectDelay()).build();

    private final FakeTelegram telegram;
    private final String groupId;
    private final Person facilitator;
    private final List<Person> residents;
    private final AbstractRedisClient redisClient;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;
    private final Map<String, String> answersGiven = new LinkedHashMap<>();
    private long chatId;
    private int turn;

    /**
     * A new group with its own chat and user ids, a facilitator and {@code residentCount}
     * residents. Names and answers are the same in every group, so two groups that walk the same
     * way are told exactly the same things.
     */
    public GroupJourney(FakeTelegram telegram, int residentCount) {
        this(telegram, residentCount, RedisServerExtension.url());
    }

    /** The same, for an app on another Redis than the shared test one ({@code redisUrl}). */
    public GroupJourney(FakeTelegram telegram, int residentCount, String redisUrl) {
        this(telegram, residentCount, List.of("Sari", "Budi", "Ani", "Joko", "Wati", "Dedi", "Rina"), redisUrl);
    }

    /** Like {@link #GroupJourney(FakeTelegram, int)}, with the residents named from {@code names} (in turn). */
    public GroupJourney(FakeTelegram telegram, int residentCount, List<String> residentNames) {
        this(telegram, residentCount, residentNames, RedisServerExtension.url());
    }

    private GroupJourney(FakeTelegram telegram, int residentCount, List<String> residentNames, String redisUrl) {
        this(telegram, residentCount, residentNames, RedisClient.create(RESOURCES, redisUrl));
    }

    /** The same, for an app on a Redis Cluster ({@code nodes}: {@code host:port,...}, as {@code spring.data.redis.cluster.nodes}). */
    public static GroupJourney onCluster(FakeTelegram telegram, int residentCount, String nodes) {
        List<RedisURI> uris = java.util.Arrays.stream(nodes.split(","))
                .map(node -> {
                    RedisURI uri = RedisURI.create("redis://" + node);
                    uri.setTimeout(Duration.ofSeconds(2));
                    return uri;
                }).toList();
        RedisClusterClient client = RedisClusterClient.create(uris);
        // follows a failover within a second or two, as a test that kills a master needs
        client.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(Duration.ofSeconds(1)).adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                .build()).build());
        return new GroupJourney(telegram, residentCount, List.of("Sari", "Budi", "Ani", "Joko", "Wati", "Dedi", "Rina"),
                client);
    }

    private GroupJourney(FakeTelegram telegram, int residentCount, List<String> residentNames, AbstractRedisClient client) {
        this.telegram = telegram;
        long base = IDS.addAndGet(100);
        this.chatId = -(4_000_000_000L + base);
        this.groupId = Long.toString(chatId);
        this.facilitator = new Person(700_000_000L + base, "Rahmat");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < residentCount; i++) {
            people.add(new Person(800_000_000L + base + i, residentNames.get(i % residentNames.size())));
        }
        this.residents = List.copyOf(people);
        // Telegram knows everyone in a group, whether or not they have written there yet
        residents.forEach(resident -> telegram.memberStatus(chatId, resident, "member"));
        // the facilitator, the residents and the bot, as Telegram counts a group
        telegram.groupHas(chatId, residentCount + 2);
        // the facilitator made the group, so Telegram lets them claim it
        telegram.memberStatus(chatId, facilitator, "creator");
        this.redisClient = client;
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterConnection<String, String> clustered = cluster.connect();
            this.connection = clustered;
            this.commands = clustered.sync();
        } else {
            StatefulRedisConnection<String, String> single = ((RedisClient) client).connect();
            this.connection = single;
            this.commands = single.sync();
        }
    }

    public static Flow flow() {
        return FLOW;
    }

    public static String text(MessageKey key, Map<String, ?> values) {
        return MESSAGES.get(key, Language.ID, values);
    }

    public long chatId() {
        return chatId;
    }

    public String groupId() {
        return groupId;
    }

    public Person facilitator() {
        return facilitator;
    }

    public List<Person> residents() {
        return residents;
    }

    /** The app's Redis, when it is a single one (a journey on a cluster reads it through {@link #data()}). */
    public RedisCommands<String, String> redis() {
        if (commands instanceof RedisCommands<String, String> single) {
            return single;
        }
        throw new IllegalStateException("this journey's Redis is a cluster: read it through data()");
    }

    /** The app's Redis, single or cluster. */
    public RedisClusterCommands<String, String> data() {
        return commands;
    }

    /** The answers given so far: the key Rembug stores each under, and the value it should hold. */
    public Map<String, String> answersGiven() {
        return Map.copyOf(answersGiven);
    }

    /** The group lives under a new chat id from now on (it became a supergroup). */
    public void movedTo(long newChatId) {
        this.chatId = newChatId;
    }

    // ---- getting started -----------------------------------------------------------------

    /** A group at its first question: the facilitator has started the private chat, the group has begun. */
    public static GroupJourney started(FakeTelegram telegram, int residentCount) {
        GroupJourney group = new GroupJourney(telegram, residentCount);
        group.facilitatorStartsThePrivateChat();
        group.botJoinsAndTheGroupStarts();
        return group;
    }

    public void facilitatorStartsThePrivateChat() {
        telegram.privateText(facilitator, "/start");
        String welcome = text(MessageKey.PRIVATE_WELCOME, Map.of("name", facilitator.firstName()));
        awaitStep("the private welcome", () -> telegram.textsSentTo(facilitator.id()).contains(welcome));
    }

    /** The bot joins, the facilitator claims the group, a resident starts: the first question comes. */
    public Sent botJoinsAndTheGroupStarts() {
        telegram.botAddedToGroup(chatId, facilitator);
        telegram.groupText(chatId, facilitator, "/fasilitator", null);
        telegram.groupText(chatId, residents.get(0), "/mulai", null);
        return awaitQuestion(0, 0);
    }

    // ---- walking the stages --------------------------------------------------------------

    /** Answers every question of the stage with a quorum of residents; returns its summary. */
    public Sent completeStage(int stageIndex) {
        answerEveryQuestion(stageIndex);
        return awaitSummary(stageIndex);
    }

    /** {@link #answering} residents answer each question of the stage as it comes, all at once. */
    public void answerEveryQuestion(int stageIndex) {
        Stage stage = FLOW.stage(stageIndex);
        for (int p = 0; p < stage.prompts().size(); p++) {
            answer(stageIndex, p, awaitQuestion(stageIndex, p), answering);
            if (stage.prompts().get(p).decision()) {
                agreeOnDecision(stageIndex, p);
            }
        }
    }

    /**
     * A decision prompt: the residents who answered vote in the poll (each for another candidate,
     * in turn), the facilitator closes the vote and confirms the first candidate offered; returns
     * the poll.
     */
    public FakeTelegram.Poll agreeOnDecision(int stageIndex, int promptIndex) {
        String key = FLOW.stage(stageIndex).key() + "/" + FLOW.stage(stageIndex).prompts().get(promptIndex).key();
        FakeTelegram.Poll[] poll = new FakeTelegram.Poll[1];
        awaitStep("the vote on " + key, () -> {
            poll[0] = telegram.pollsIn(chatId).stream().filter(p -> !telegram.pollStopped(p)).reduce((a, b) -> b)
                    .orElse(null);
            return poll[0] != null;
        });
        awaitPollKnown(poll[0]);
        for (int i = 0; i < Math.min(answering, residents.size() - 1); i++) {
            telegram.vote(residents.get(i), poll[0], i % poll[0].options().size());
        }
        String close = poll[0].buttons().stream().flatMap(List::stream).map(FakeTelegram.Button::data)
                .filter(d -> d.startsWith("c|CLOSE_VOTE|")).findFirst().orElseThrow();
        telegram.press(facilitator, chatId, poll[0].messageId(), close);
        FakeTelegram.Button[] agree = new FakeTelegram.Button[1];
        awaitStep("the result of " + key + " with the facilitator's buttons", () -> {
            agree[0] = telegram.keyboardOf(chatId, poll[0].messageId()).stream().flatMap(List::stream)
                    .filter(b -> b.data() != null && b.data().startsWith("c|AGREE|")).findFirst().orElse(null);
            return agree[0] != null;
        });
        telegram.press(facilitator, chatId, poll[0].messageId(), agree[0].data());
        return poll[0];
    }

    /**
     * Waits until the bot recorded the poll's id, as it does when Telegram accepts the poll: people
     * cannot vote within that millisecond, a test can (and a vote in a poll the bot does not know
     * yet finds no group).
     */
    public void awaitPollKnown(FakeTelegram.Poll poll) {
        awaitStep("poll " + poll.pollId() + " recorded", () -> data().exists("rembug:poll:" + poll.pollId()) == 1);
    }

    /**
     * The words of a prompt that are the same however it is asked: its longest stretch between the
     * quotes of earlier answers ({stage.prompt}), which the bot fills in.
     */
    public static String literal(Prompt prompt) {
        String longest = "";
        for (String part : prompt.text().in(Language.ID).split("\\{[a-z0-9-]+\\.[a-z0-9-]+}")) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        return longest;
    }

    /** From now on every resident answers every question (by default a quorum does). */
    public GroupJourney everyoneAnswers() {
        answering = residents.size();
        return this;
    }

    /** Waits for the group to hear that the stage is done. */
    public void awaitStageClosed(int stageIndex) {
        Stage stage = FLOW.stage(stageIndex);
        String closing = text(MessageKey.STAGE_CLOSING, Map.of("title", stage.title().in(Language.ID),
                "closing", stage.closing().in(Language.ID)));
        awaitStep("stage " + (stageIndex + 1) + " closed", () ->
                telegram.textsSentTo(chatId).stream().anyMatch(t -> t.contains(closing)));
    }

    /** The facilitator presses "next stage" under the summary in their private chat. */
    public void advanceFrom(Sent summary) {
        String data = summary.allButtons().stream().map(FakeTelegram.Button::data)
                .filter(d -> d.startsWith("f|" + groupId + "|ADVANCE|")).findFirst().orElseThrow();
        telegram.press(facilitator, summary, data);
    }

    /** Stages {@code from} to {@code to} (inclusive), each moved on from its summary, the last one too unless it ends the flow. */
    public void walk(int from, int to) {
        for (int stage = from; stage <= to; stage++) {
            Sent summary = completeStage(stage);
            if (stage < FLOW.stageCount() - 1) {
                advanceFrom(summary);
            }
        }
    }

    /** Waits for the question, sent to the group, and until a reply to it would be recognised. */
    public Sent awaitQuestion(int stageIndex, int promptIndex) {
        Prompt prompt = FLOW.stage(stageIndex).prompts().get(promptIndex);
        String text = literal(prompt);
        Sent[] found = new Sent[1];
        awaitStep("question " + FLOW.stage(stageIndex).key() + "/" + prompt.key(), () -> {
            // a stage's first question opens the message that introduces the stage
            found[0] = telegram.sentTo(chatId).stream().filter(s -> s.isQuestion() && s.text().contains(text))
                    .reduce((a, b) -> b).orElse(null);
            return found[0] != null;
        });
        if (prompt.kind().isTyped()) {
            // The dispatcher records which outbox message it delivered right after Telegram accepts
            // it; people cannot reply within that millisecond, a test can.
            awaitStep("the question's message id recorded", () ->
                    data().hexists(sentMessages(), Long.toString(found[0].messageId())));
        }
        return found[0];
    }

    /** {@code count} residents answer, taking turns so that everyone answers now and then. */
    public List<Answered> answer(int stageIndex, int promptIndex, Sent question, int count) {
        List<Answered> given = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            given.add(answerAs(residents.get((turn + i) % residents.size()), stageIndex, promptIndex, question));
        }
        turn++;
        return given;
    }

    /** An answer as Telegram delivers it: its update, and the person's message (null for a button press). */
    public record Answered(long updateId, Long messageId) {
    }

    /** One resident answers the question: a reply to it, or a press of one of its buttons. */
    public Answered answerAs(Person resident, int stageIndex, int promptIndex, Sent question) {
        Stage stage = FLOW.stage(stageIndex);
        Prompt prompt = stage.prompts().get(promptIndex);
        long updateId = telegram.nextUpdateId();
        String key = stage.key() + ":1:" + prompt.key() + ":" + resident.id();
        if (prompt.privately()) {
            return answerPrivately(resident, prompt, question, key, updateId);
        }
        if (prompt.kind().isTyped()) {
            String answer = typedAnswer(prompt, resident);
            long messageId = telegram.groupText(chatId, resident, answer, question.messageId());
            answersGiven.put(prompt.kind() == PromptKind.LIST ? key + ":" + messageId : key, answer);
            return new Answered(updateId, messageId);
        }
        List<FakeTelegram.Button> buttons = question.allButtons().stream()
                .filter(b -> b.data() != null && b.data().startsWith("a|")).toList();
        String data = buttons.get((residents.indexOf(resident) + turn) % buttons.size()).data();
        telegram.press(resident, question, data);
        // a|<stage>|<round>|<prompt>|<value>|<signature>
        answersGiven.put(key, data.split("\\|")[4]);
        return new Answered(updateId, null);
    }

    /**
     * A sensitive question ({@code private: true}) is answered as a resident does it: the link under
     * the question opens their private chat with the bot (Start), the bot asks it there, they write.
     */
    private Answered answerPrivately(Person resident, Prompt prompt, Sent question, String key, long updateId) {
        FakeTelegram.Button link = question.allButtons().stream().filter(b -> b.url() != null).findFirst()
                .orElseThrow(() -> new AssertionError("no private-chat link under " + question.text()));
        int before = telegram.sentTo(resident.id()).size();
        telegram.pressLink(resident, link);
        awaitStep("the private question asked to " + resident.firstName(), () -> telegram.sentTo(resident.id())
                .stream().skip(before).anyMatch(s -> s.text().contains(literal(prompt))));
        String answer = typedAnswer(prompt, resident);
        long messageId = telegram.privateText(resident, answer);
        answersGiven.put(prompt.kind() == PromptKind.LIST ? key + ":private:" + messageId : key, answer);
        return new Answered(updateId, messageId);
    }

    /** What a resident types for a prompt: a goal with nothing visibly missing, two list items, a sentence. */
    public static String typedAnswer(Prompt prompt, Person resident) {
        return switch (prompt.kind()) {
            case LIST -> resident.firstName() + " " + prompt.key() + " satu, " + prompt.key() + " dua";
            case GOAL -> "Dalam 2 bulan kami warga RT 07 membersihkan 3 selokan setiap Sabtu bersama "
                    + resident.firstName();
            default -> "Jawaban " + resident.firstName() + " untuk " + prompt.key();
        };
    }

    public Sent awaitSummary(int stageIndex) {
        awaitStep("summary " + (stageIndex + 1), () -> telegram.summaries(facilitator.id()).size() > stageIndex);
        return telegram.summaries(facilitator.id()).get(stageIndex);
    }

    public void awaitFinished() {
        String finished = text(MessageKey.FINISHED, Map.of());
        awaitStep("the finished message", () -> telegram.textsSentTo(chatId).stream().anyMatch(t -> t.contains(finished)));
    }

    // ---- checks --------------------------------------------------------------------------

    /** What a finished journey must show, however bumpy the way. */
    public void assertCompleteJourney(List<Long> groupChats) {
        List<Sent> summaries = telegram.summaries(facilitator.id());
        assertThat(summaries).hasSize(FLOW.stageCount());
        for (int i = 0; i < FLOW.stageCount(); i++) {
            String heading = text(MessageKey.SUMMARY_HEADING, Map.of("number", i + 1, "total", FLOW.stageCount(),
                    "title", FLOW.stage(i).facilitatorTitle(Language.ID)));
            assertThat(summaries.get(i).text()).as("summary %d", i + 1).startsWith(heading);
        }
        List<String> groupTexts = groupChats.stream().flatMap(chat -> telegram.textsSentTo(chat).stream()).toList();
        assertThat(groupTexts).filteredOn(t -> t.contains(text(MessageKey.FINISHED, Map.of()))).hasSize(1);
        for (Stage stage : FLOW.stages()) {
            for (Prompt prompt : stage.prompts()) {
                assertThat(groupTexts).as("question %s/%s", stage.key(), prompt.key())
                        .filteredOn(t -> t.contains(literal(prompt))).hasSize(1);
            }
        }
        assertAnswersKept();
    }

    /** Every answer given is in the group's answers hash, with the value given. */
    public void assertAnswersKept() {
        Map<String, Answer> stored = storedAnswers();
        assertThat(stored.keySet()).containsAll(answersGiven.keySet());
        answersGiven.forEach((key, value) -> assertThat(stored.get(key).value()).as(key).isEqualTo(value));
    }

    /**
     * Every answer the group keeps, by {@link Answer#key()}, read as the dashboard reads them: the
     * answers hash and the stage summaries that took in their stage's answers.
     */
    public Map<String, Answer> storedAnswers() {
        Map<String, Answer> byKey = new LinkedHashMap<>();
        new GroupRecordCodec().answers(data().hgetall(ConversationKeys.answers(groupId)),
                data().hvals(ConversationKeys.milestones(groupId))).forEach(a -> byKey.put(a.key(), a));
        return byKey;
    }

    /**
     * How many entries of the group's inbox came from this Telegram update and are still there:
     * an entry is deleted when it is applied, so 0 once the update was taken in and applied.
     */
    public long timesInInbox(long updateId) {
        String updateRef = "tg:" + updateId;
        return data().xrange(ConversationKeys.events(groupId), Range.create("-", "+")).stream()
                .map(entry -> read(entry.getBody().get("inbound")).path("updateId").asText())
                .filter(updateRef::equals).count();
    }

    /** The dispatcher's map of what it delivered to the group's chat (platform id to outbox id). */
    public String sentMessages() {
        return DispatchKeys.sentMessages(Long.toString(chatId));
    }

    /**
     * The app stops applying (its conversation workers die) and Telegram will send again what it
     * hands over; then {@code count} residents answer the question, and their answers are stored in
     * the inbox, not yet applied, not yet confirmed to Telegram: the moment a crash loses most.
     * The caller then closes the app, has Telegram keep confirmations again and starts a new one.
     */
    public List<Answered> answerJustBeforeACrash(ConfigurableApplicationContext app, int stageIndex, int promptIndex,
                                                 Sent question, int count) {
        app.getBean(ConversationWorkers.class).stop();
        telegram.loseConfirmations();
        List<Answered> given = answer(stageIndex, promptIndex, question, count);
        awaitStep("the answers stored in the inbox", () -> given.stream()
                .allMatch(a -> data().exists(ConversationKeys.seen(groupId, "tg:" + a.updateId())) == 1));
        return given;
    }

    /** Waits until the resident's answer to the question is stored (the bot says nothing per answer). */
    public void awaitAnswerStored(Person resident, int stageIndex, int promptIndex) {
        Stage stage = FLOW.stage(stageIndex);
        String key = stage.key() + ":1:" + stage.prompts().get(promptIndex).key() + ":" + resident.id();
        awaitStep("the answer of " + resident.firstName() + " stored", () ->
                storedAnswers().containsKey(key));
    }

    /** Waits for the condition; a time-out tells what Telegram saw. */
    public void awaitStep(String what, Supplier<Boolean> condition) {
        awaitStep(telegram, what, condition);
    }

    public static void awaitStep(FakeTelegram telegram, String what, Supplier<Boolean> condition) {
        try {
            // a Redis that fails over (a killed master, a promoted replica) is asked again
            await(what).atMost(STEP).pollInterval(Duration.ofMillis(10))
                    .ignoreExceptionsMatching(e -> e instanceof RedisConnectionException
                            || e instanceof RedisCommandTimeoutException)
                    .until(condition::get);
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(timeout.getMessage() + "\n" + telegram.transcript() + "\n" + appThreads(), timeout);
        }
    }

    /**
     * Where the app's own threads are (workers, dispatcher, poller, schedulers): a step that timed
     * out tells whether the app was stuck somewhere or just had nothing to do.
     */
    private static String appThreads() {
        StringBuilder dump = new StringBuilder("app threads:\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            String name = thread.getName();
            if (name.startsWith("rembug") || name.startsWith("telegram") || name.startsWith("scheduling")) {
                dump.append("  ").append(name).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    dump.append("      at ").append(stack[i]).append('\n');
                }
            }
        });
        return dump.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        connection.close();
        redisClient.shutdown();
    }
}
