package id.rembug.bot.bench;

import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.testsupport.FakeTelegram;
import id.rembug.bot.testsupport.FakeTelegram.Button;
import id.rembug.bot.testsupport.FakeTelegram.Person;
import id.rembug.bot.testsupport.FakeTelegram.RateLimits;
import id.rembug.bot.testsupport.FakeTelegram.Said;
import id.rembug.bot.testsupport.FakeTelegram.Sent;
import id.rembug.bot.testsupport.GroupJourney;
import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.RembugApp;
import id.rembug.bot.testsupport.TelegramAppProperties;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.engine.EngineSettings;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The pace of one real group through the whole app: a facilitator and five residents walk the
 * stock flow's 17 stages in one Telegram group, through long polling, the Redis inbox, the group
 * processor, the outbox and the dispatcher with its <b>default</b> limits, against a
 * {@link FakeTelegram} on loopback that behaves as Telegram does (ForceReply never echoed, privacy
 * mode on) and enforces Telegram's limits with 429s ({@link RateLimits#TELEGRAM}: 30/s overall,
 * about 1/s per chat with bursts of 3, 20/min per group; sendMessage, editMessageText and
 * setMessageReaction all count). A program that prints figures, not a test.
 *
 * <p>The scenario: the facilitator opens the private chat with the bot, adds the bot to the group,
 * claims it ({@code /fasilitator}) and starts ({@code /mulai}). Each time the bot asks a question
 * in the group, the residents take a moment to read it ({@code bench.read-ms}) and then all five
 * answer it within the same second ({@code bench.answer-spread-ms}):
 * a reply to the question message when it asks for one, a press of one of its answer buttons
 * otherwise. When the stage summary reaches the facilitator's private chat, the facilitator sends
 * {@code /lanjut} in the group after reading it ({@code bench.facilitator-read-ms}); if the bot then asks to confirm with buttons, the facilitator
 * presses the one that goes on. The current question is the latest group message that carries a
 * reply request or answer buttons (callback data {@code a|...}) and does not reply to a resident
 * (a follow-up to one person), so the
 * benchmark keeps working when the bot shows progress by editing the question, merges the stage
 * intro into the first question, or stops reacting to answers.
 *
 * <p>It prints: the resident answers given; group messages sent (sendMessage to the group),
 * reactions, edits and callback answers, and per answer; the time from each {@code /lanjut}
 * becoming available to getUpdates until the next question is accepted by Telegram in the group
 * (p50, p95, max); the 429s the fake gave; how many given answers are absent from Redis (the
 * group's answers hash, read as the dashboard reads it) and from the facilitator's summaries (a
 * {@code • Name:} line under the question in that stage's summary); and the wall time.
 *
 * <p>Everything is bounded: a step that makes no progress within {@code bench.step-timeout-s}
 * is reported as stuck, with what the group saw last, and the run ends with the figures so far.
 *
 * <p>Run it (a main class in test scope, like the other benchmarks; the exec plugin puts the
 * freshly compiled modules on the class path):
 * <pre>
 * ./mvnw -o -q -pl bot -am -Pbench-pace -DskipTests process-test-classes
 * ./mvnw -o -q -pl bot -am -Pbench-pace -DskipTests process-test-classes -Dbench.stages=3   # a quick run
 * </pre>
 * or with a class-path file, as the README shows for the broadcast benchmark:
 * {@code java -cp "$(cat bot/cp.txt):bot/target/test-classes:bot/target/classes"
 * -Dbench.stages=17 id.rembug.bot.bench.GroupPaceBenchmark}.
 * System properties: {@code bench.stages} (default 17), {@code bench.step-timeout-s} (300),
 * {@code bench.answer-spread-ms} (800: the five answers to a question go 0, 200, ... 800 ms after
 * the first), {@code bench.read-ms} (5000), {@code bench.facilitator-read-ms} (10000),
 * {@code bench.drain-timeout-s} (180: how long to wait for the outbox to empty at
 * the end, so late messages are counted), {@code bench.trace} (false: print the calls' timeline).
 */
public final class GroupPaceBenchmark {

    private static final int STAGES = Integer.getInteger("bench.stages", 17);
    private static final long STEP_TIMEOUT_MILLIS = Long.getLong("bench.step-timeout-s", 300) * 1000;
    private static final long ANSWER_SPREAD_MILLIS = Long.getLong("bench.answer-spread-ms", 800);
    /** How long residents read a question before the first of them answers: people are not machines. */
    private static final long READ_MILLIS = Long.getLong("bench.read-ms", 5000);
    /** How long the facilitator reads a summary before moving the group on. */
    private static final long FACILITATOR_READ_MILLIS = Long.getLong("bench.facilitator-read-ms", 10000);
    private static final long DRAIN_TIMEOUT_MILLIS = Long.getLong("bench.drain-timeout-s", 180) * 1000;
    private static final Flow FLOW = GroupJourney.FLOW;
    private static final long GROUP = -4_500_000_001L;
    /**
     * {@code -Dbench.trace=true}: at the end, every call for the group and the facilitator's chat
     * (ms from the first, chat, method, status, text), and for each 429 in the group how full its
     * last minute was.
     */
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");

    private final FakeTelegram telegram;
    private final StringRedisTemplate redis;
    private final Person facilitator = new Person(750_000_001L, "Rahmat");
    private final List<Person> residents = List.of(new Person(850_000_001L, "Sari"),
            new Person(850_000_002L, "Budi"), new Person(850_000_003L, "Wati"), new Person(850_000_004L, "Joko"),
            new Person(850_000_005L, "Dedi"));
    private final List<Given> given = new ArrayList<>();
    private final List<Long> lanjutMillis = new ArrayList<>();
    private final Set<Long> residentMessages = new HashSet<>();
    private int typed;
    private int pressed;
    private int confirmations;
    private int stagesDone;
    private String stuck;

    /** One answer a resident gave: where Rembug should keep it and whose name the summary should show. */
    private record Given(int stageIndex, Stage stage, int round, Prompt prompt, Person resident, Long messageId) {
    }

    /** A {@code /lanjut} waiting for the next question. */
    private record Lanjut(long messageId, long queuedAtMillis) {
    }

    private GroupPaceBenchmark(FakeTelegram telegram, StringRedisTemplate redis) {
        this.telegram = telegram;
        this.redis = redis;
    }

    public static void main(String[] args) throws Exception {
        int exit = 0;
        RedisServerExtension.flushAll();
        try (FakeTelegram telegram = new FakeTelegram()) {
            telegram.rateLimits(RateLimits.TELEGRAM);
            Map<String, Object> properties = TelegramAppProperties.asDeployed(telegram);
            // On the command line, so it wins over the tests' shortened grace (test application.properties):
            // the benchmark measures the production behaviour.
            ConfigurableApplicationContext app = RembugApp.start(properties,
                    "--rembug.conversation.latecomer-grace=" + EngineSettings.DEFAULT_LATECOMER_GRACE);
            try {
                GroupPaceBenchmark benchmark = new GroupPaceBenchmark(telegram, RedisServerExtension.template());
                benchmark.run();
                exit = benchmark.stuck == null ? 0 : 2;
            } finally {
                app.close();
            }
        }
        System.exit(exit);
    }

    private void run() throws InterruptedException {
        int stages = Math.max(1, Math.min(STAGES, FLOW.stageCount()));
        System.out.printf("Group pace benchmark: 1 group, a facilitator and %d residents, %d of %d stages; dispatcher"
                        + " defaults; fake Bot API with Telegram's limits (429s), privacy mode on%n", residents.size(),
                stages, FLOW.stageCount());
        // so a rerun can tell it measures the code at hand, not a jar installed some other day
        System.out.println("Engine from " + id.rembug.dialogues.engine.Engine.class.getProtectionDomain()
                .getCodeSource().getLocation() + ", app from " + id.rembug.bot.RembugApplication.class.getProtectionDomain()
                .getCodeSource().getLocation());
        waitFor("the bot to start polling", 60_000,
                () -> telegram.polls() > 0 && telegram.calls("setMyCommands").size() >= 3);

        long start = System.currentTimeMillis();
        telegram.privateText(facilitator, "/start");
        waitFor("the private welcome", STEP_TIMEOUT_MILLIS, () -> telegram.messageCount(facilitator.id()) > 0);
        // the facilitator made the group, so Telegram lets them claim it
        telegram.memberStatus(GROUP, facilitator, "creator");
        telegram.botAddedToGroup(GROUP, facilitator);
        telegram.say(GROUP, facilitator, "/fasilitator", null);
        telegram.say(GROUP, facilitator, "/mulai", null);
        walk(stages);
        long journeyEnd = System.currentTimeMillis();
        drain();
        long end = System.currentTimeMillis();
        report(stages, journeyEnd - start, end - start);
    }

    // ---- the group -----------------------------------------------------------------------

    private void walk(int stages) throws InterruptedException {
        long started = System.currentTimeMillis();
        long lastQuestion = 0;
        int summariesSeen = 0;
        Lanjut lanjut = null;
        boolean confirmed = false;
        long lastProgress = System.currentTimeMillis();
        while (stuck == null) {
            List<Sent> group = telegram.sentTo(GROUP);
            Optional<Sent> question = latestQuestion(group);
            if (question.isPresent() && question.get().messageId() > lastQuestion) {
                Sent asked = question.get();
                lastQuestion = asked.messageId();
                if (lanjut != null) {
                    lanjutMillis.add(asked.atMillis() - lanjut.queuedAtMillis());
                    lanjut = null;
                }
                answer(asked);
                lastProgress = System.currentTimeMillis();
                continue;
            }
            if (lanjut != null && !confirmed) {
                Optional<Sent> confirmation = confirmationAfter(group, lanjut.messageId());
                if (confirmation.isPresent()) {
                    telegram.press(facilitator, confirmation.get(), goOnButton(confirmation.get()).data());
                    confirmations++;
                    confirmed = true;
                    lastProgress = System.currentTimeMillis();
                }
            }
            int summaries = telegram.summaries(facilitator.id()).size();
            if (summaries > summariesSeen) {
                summariesSeen = summaries;
                stagesDone = summaries;
                lastProgress = System.currentTimeMillis();
                System.out.printf(Locale.ROOT, "  ... stage %d/%d summarised after %.0f s%n", summaries, stages,
                        (lastProgress - started) / 1000.0);
                if (summariesSeen >= stages) {
                    return;
                }
                // The group waits for the facilitator, who reads the summary and moves it on from the group.
                Thread.sleep(FACILITATOR_READ_MILLIS);
                Said said = telegram.say(GROUP, facilitator, "/lanjut", null);
                lanjut = new Lanjut(said.messageId(), telegram.queuedAtMillis(said.updateId()));
                confirmed = false;
                continue;
            }
            if (System.currentTimeMillis() - lastProgress > STEP_TIMEOUT_MILLIS) {
                stuck = String.format(Locale.ROOT, "stuck in stage %d: no new question or summary for %d s (%s)",
                        summariesSeen + 1, STEP_TIMEOUT_MILLIS / 1000,
                        lanjut != null ? "waiting for the question after /lanjut" : "waiting for the next question");
                return;
            }
            Thread.sleep(10);
        }
    }

    /**
     * The latest group message that asks everyone: a reply request or answer buttons, and not a
     * reply to a resident (a follow-up to one person, or a choice offered again). It may reply to
     * the facilitator's {@code /lanjut}. Failing those marks, a message showing a stock question
     * nobody has answered yet also counts (a first question merged into a stage intro that carries
     * other buttons loses its reply request: Telegram takes one markup).
     */
    private Optional<Sent> latestQuestion(List<Sent> group) {
        for (int i = group.size() - 1; i >= 0; i--) {
            Sent sent = group.get(i);
            boolean asks = sent.forceReply() || sent.hasButtonWithDataStarting("a|") || showsUnansweredPrompt(sent);
            if (asks && (sent.replyTo() == null || !residentMessages.contains(sent.replyTo()))) {
                return Optional.of(sent);
            }
        }
        return Optional.empty();
    }

    private boolean showsUnansweredPrompt(Sent sent) {
        return promptOf(sent.text(), residents.get(0))
                .filter(p -> p.prompt().kind().isTyped())
                .filter(p -> given.stream().noneMatch(g -> g.stage().key().equals(p.stage().key())
                        && g.prompt().key().equals(p.prompt().key())))
                .isPresent();
    }

    /** A message after the /lanjut with buttons that are neither answers nor reading matter: a confirmation. */
    private static Optional<Sent> confirmationAfter(List<Sent> group, long lanjutMessageId) {
        return group.stream().filter(s -> s.messageId() > lanjutMessageId && !s.allButtons().isEmpty())
                .filter(s -> s.allButtons().stream().map(Button::data)
                        .noneMatch(d -> d == null || d.startsWith("a|") || d.startsWith("k|") || d.startsWith("r|")))
                .findFirst();
    }

    /** The confirmation's button that goes on: one that says so, else the first. */
    private static Button goOnButton(Sent confirmation) {
        List<String> yes = List.of("next", "advance", "lanjut", "confirm", "yes", "ya");
        return confirmation.allButtons().stream()
                .filter(b -> yes.stream().anyMatch(word -> (b.data() + " " + b.label()).toLowerCase(Locale.ROOT)
                        .contains(word)))
                .findFirst().orElse(confirmation.allButtons().get(0));
    }

    /** All residents answer the question within the same second, each in their own way. */
    private void answer(Sent question) throws InterruptedException {
        Thread.sleep(READ_MILLIS);
        long step = residents.size() > 1 ? ANSWER_SPREAD_MILLIS / (residents.size() - 1) : 0;
        List<Button> answerButtons = question.allButtons().stream()
                .filter(b -> b.data() != null && b.data().startsWith("a|")).toList();
        for (int i = 0; i < residents.size(); i++) {
            if (i > 0) {
                Thread.sleep(step);
            }
            Person resident = residents.get(i);
            if (!answerButtons.isEmpty()) {
                Button button = answerButtons.get((i + given.size()) % answerButtons.size());
                telegram.press(resident, question, button.data());
                pressed++;
                // a|<stage>|<round>|<promptIndex>|<value>
                String[] parts = button.data().split("\\|");
                Stage stage = FLOW.stage(parts[1]).orElse(null);
                if (stage != null) {
                    given.add(new Given(FLOW.indexOf(stage.key()), stage, Integer.parseInt(parts[2]),
                            stage.prompts().get(Integer.parseInt(parts[3])), resident, null));
                }
            } else {
                Optional<Given> asked = promptOf(question.text(), resident);
                String text = asked.map(g -> GroupJourney.typedAnswer(g.prompt(), resident))
                        .orElse("Jawaban " + resident.firstName());
                Said said = telegram.say(GROUP, resident, text, question.messageId());
                residentMessages.add(said.messageId());
                typed++;
                asked.ifPresent(g -> given.add(new Given(g.stageIndex(), g.stage(), g.round(), g.prompt(), resident,
                        said.messageId())));
            }
        }
    }

    /** The stock prompt whose text the question shows (the longest, should one contain another). */
    private static Optional<Given> promptOf(String questionText, Person resident) {
        Given best = null;
        for (int s = 0; s < FLOW.stageCount(); s++) {
            Stage stage = FLOW.stage(s);
            for (Prompt prompt : stage.prompts()) {
                String text = prompt.text().in(Language.ID);
                if (questionText.contains(text) && (best == null || text.length() > best.prompt().text()
                        .in(Language.ID).length())) {
                    best = new Given(s, stage, 1, prompt, resident, null);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Waits until the outbox of the group and of the facilitator's chat stay empty, so late sends are counted. */
    private void drain() throws InterruptedException {
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
        long emptySince = 0;
        while (System.currentTimeMillis() < deadline) {
            boolean empty = outboxEmpty(GROUP) && outboxEmpty(facilitator.id());
            long now = System.currentTimeMillis();
            if (!empty) {
                emptySince = 0;
            } else if (emptySince == 0) {
                emptySince = now;
            } else if (now - emptySince > 3_000) {
                return;
            }
            Thread.sleep(100);
        }
        System.out.println("  (the outbox had not drained after " + DRAIN_TIMEOUT_MILLIS / 1000 + " s)");
    }

    private boolean outboxEmpty(long chatId) {
        Long size = redis.opsForList().size(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, Long.toString(chatId)));
        return size == null || size == 0;
    }

    // ---- the figures ---------------------------------------------------------------------

    private void report(int stages, long journeyMillis, long wallMillis) {
        int answers = typed + pressed;
        int messages = telegram.messageCount(GROUP);
        int reactions = telegram.reactionCount(GROUP);
        int edits = telegram.editCount(GROUP);
        int callbackAnswers = telegram.callbackAnswerCount(GROUP);
        int privateMessages = telegram.messageCount(facilitator.id());
        List<Long> sorted = new ArrayList<>(lanjutMillis);
        Collections.sort(sorted);
        List<Given> missingInRedis = missingInRedis();
        List<Given> missingInSummaries = missingInSummaries();

        System.out.println();
        if (stuck != null) {
            System.out.println("  STUCK: " + stuck);
            List<String> texts = telegram.textsSentTo(GROUP);
            texts.subList(Math.max(0, texts.size() - 5), texts.size())
                    .forEach(t -> System.out.println("    group saw: " + firstLine(t)));
        }
        System.out.printf(Locale.ROOT, "  stages completed              %d of %d%n", stagesDone, stages);
        System.out.printf(Locale.ROOT, "  resident answers given        %d (%d replies, %d button presses)%n", answers,
                typed, pressed);
        List<Sent> groupSent = telegram.sentTo(GROUP);
        long questions = groupSent.stream().filter(Sent::isQuestion).count();
        long replies = groupSent.stream().filter(m -> m.replyTo() != null).count();
        System.out.printf(Locale.ROOT, "  group messages sent           %d (sendMessage to the group: %d questions, %d replying"
                + " to someone, %d others)%n", messages, questions, replies, messages - questions - replies);
        System.out.printf(Locale.ROOT, "  reactions                     %d%n", reactions);
        System.out.printf(Locale.ROOT, "  edits                         %d%n", edits);
        System.out.printf(Locale.ROOT, "  callback answers              %d%n", callbackAnswers);
        System.out.printf(Locale.ROOT, "  facilitator's private chat    %d messages%n", privateMessages);
        if (answers > 0) {
            System.out.printf(Locale.ROOT, "  per resident answer           %.2f messages+reactions, %.2f with edits and"
                            + " callback answers%s%n", (messages + reactions) / (double) answers,
                    (messages + reactions + edits + callbackAnswers) / (double) answers, typed == 0 ? ""
                            : String.format(Locale.ROOT, " (messages+reactions per typed reply: %.2f)",
                            (messages + reactions) / (double) typed));
        }
        if (sorted.isEmpty()) {
            System.out.println("  /lanjut -> next question      none measured");
        } else {
            System.out.printf(Locale.ROOT, "  /lanjut -> next question      p50 %d ms, p95 %d ms, max %d ms (count %d)%n",
                    percentile(sorted, 50), percentile(sorted, 95), sorted.get(sorted.size() - 1), sorted.size());
        }
        if (confirmations > 0) {
            System.out.printf(Locale.ROOT, "  confirmations pressed         %d%n", confirmations);
        }
        System.out.printf(Locale.ROOT, "  429s received                 %d%s%n", telegram.rateLimited(), tooManyRequests());
        System.out.printf(Locale.ROOT, "  answers missing in Redis      %d of %d%s%n", missingInRedis.size(),
                given.size(), examples(missingInRedis));
        System.out.printf(Locale.ROOT, "  answers missing in summaries  %d of %d%s%n", missingInSummaries.size(),
                given.size(), examples(missingInSummaries));
        System.out.printf(Locale.ROOT, "  wall time                     %.1f s to the last summary, %.1f s until the"
                + " outbox was empty%n", journeyMillis / 1000.0, wallMillis / 1000.0);
    }

    /** Where the 429s fell: method and chat, and the retry_after Telegram asked for. */
    private String tooManyRequests() {
        Map<String, Integer> byCall = new LinkedHashMap<>();
        for (String method : List.of("sendMessage", "setMessageReaction", "editMessageText")) {
            telegram.calls(method).stream().filter(c -> c.status() == 429).forEach(c -> byCall.merge(method + " to "
                    + (Long.toString(GROUP).equals(c.chatId()) ? "the group" : "a private chat"), 1, Integer::sum));
        }
        if (TRACE) {
            long t0 = telegram.callsFor(GROUP).get(0).atMillis();
            List<FakeTelegram.Call> all = new ArrayList<>(telegram.callsFor(GROUP));
            all.addAll(telegram.callsFor(facilitator.id()));
            all.sort(java.util.Comparator.comparingLong(FakeTelegram.Call::atMillis));
            all.forEach(c -> System.out.printf(Locale.ROOT, "    %8d %s %s %d %s%n", c.atMillis() - t0, c.chatId(),
                    c.method(), c.status(), firstLine(c.body().path("text").asText(c.body().path("message_id")
                            .asText()))));
            telegram.callsFor(GROUP).stream().filter(c -> c.status() == 429).forEach(refused -> {
                List<Long> accepted = telegram.callsFor(GROUP).stream()
                        .filter(c -> c.succeeded() && !c.method().equalsIgnoreCase("answerCallbackQuery"))
                        .map(FakeTelegram.Call::atMillis)
                        .filter(t -> t <= refused.atMillis() && t > refused.atMillis() - 61_000).toList();
                System.out.printf(Locale.ROOT, "    429 %s at %d: %d accepted in the 60 s before, oldest %d ms"
                                + " before, newest %d ms before%n", refused.method(), refused.atMillis(), accepted.size(),
                        accepted.isEmpty() ? 0 : refused.atMillis() - accepted.get(0),
                        accepted.isEmpty() ? 0 : refused.atMillis() - accepted.get(accepted.size() - 1));
            });
        }
        return byCall.isEmpty() ? "" : " " + byCall;
    }

    /** Given answers the group does not keep (read as the dashboard reads them). */
    private List<Given> missingInRedis() {
        List<Answer> stored = new GroupRecords(redis).answers(Long.toString(GROUP));
        return given.stream().filter(g -> stored.stream().noneMatch(a -> a.stageKey().equals(g.stage().key())
                && a.round() == g.round() && a.promptKey().equals(g.prompt().key())
                && a.memberId().equals(Long.toString(g.resident().id()))
                && (g.prompt().kind() != PromptKind.LIST || Long.toString(g.messageId()).equals(a.messageRef()))))
                .toList();
    }

    /** Given answers whose resident is not listed under their question in that stage's summary. */
    private List<Given> missingInSummaries() {
        String chat = String.join("\n\n", telegram.textsSentTo(facilitator.id()));
        List<Given> missing = new ArrayList<>();
        for (Given g : given) {
            String summary = summaryOf(chat, g.stageIndex());
            if (summary == null) {
                missing.add(g);
                continue;
            }
            String heading = "❓ " + g.prompt().text().in(Language.ID);
            int section = summary.indexOf(heading);
            String line = "• " + g.resident().firstName() + ":";
            boolean listed;
            if (section >= 0) {
                int end = summary.indexOf("\n\n", section);
                listed = summary.substring(section, end < 0 ? summary.length() : end).contains(line);
            } else {
                // the layout changed: settle for the name under the stage at all
                listed = !summary.contains("❓ ") && summary.contains(g.resident().firstName());
            }
            if (!listed) {
                missing.add(g);
            }
        }
        return missing;
    }

    /** The text of stage {@code index}'s summary in the private chat, or null if none arrived. */
    private static String summaryOf(String chat, int index) {
        int start = chat.indexOf(heading(index));
        if (start < 0) {
            return null;
        }
        int end = index + 1 < FLOW.stageCount() ? chat.indexOf(heading(index + 1), start) : -1;
        return chat.substring(start, end < 0 ? chat.length() : end);
    }

    private static String heading(int index) {
        return GroupJourney.text(MessageKey.SUMMARY_HEADING, Map.of("number", index + 1, "total", FLOW.stageCount(),
                "title", FLOW.stage(index).title().in(Language.ID)));
    }

    private static String examples(List<Given> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        Map<String, Integer> byPrompt = new LinkedHashMap<>();
        missing.forEach(g -> byPrompt.merge(g.stage().key() + "/" + g.prompt().key(), 1, Integer::sum));
        List<String> shown = byPrompt.entrySet().stream().limit(4).map(e -> e.getKey() + " " + e.getValue()).toList();
        return " (" + String.join(", ", shown) + (byPrompt.size() > 4 ? ", ..." : "") + ")";
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }

    private void waitFor(String what, long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out after " + millis / 1000 + " s waiting for " + what + "\n"
                        + telegram.transcript());
            }
            Thread.sleep(20);
        }
    }
}
