package id.rembug.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the same scripted group conversation in many group chats through the {@link FakeBotApi}
 * and measures, for every update, the time from its hand-out (and from its queueing) to the
 * first bot call that answers it.
 *
 * <p>The script per group, one step at a time (the next step is queued once every update of
 * the step has been answered and, for answer and button steps, the bot's next question has been
 * sent; the fake reports a call after answering it, since nobody can reply to a message before
 * Telegram has accepted it, and replies and presses wait a reading time on top):
 * <ol>
 *   <li>the facilitator adds the bot to the group</li>
 *   <li>the facilitator sends {@code /fasilitator}</li>
 *   <li>a resident sends {@code /mulai}</li>
 *   <li>three residents reply to the first question</li>
 *   <li>three residents reply to the second question</li>
 *   <li>three residents press a button of the third (choice) question</li>
 * </ol>
 * That is {@value #UPDATES_PER_GROUP} updates per group.
 *
 * <p>What answers an update: for an answer, the reaction on it (or a message replying to it); for
 * a button press, the answer to its callback query; for the join and the commands, a message
 * replying to it, else the next message the bot sends to the group.
 *
 * <p>{@link Mode#REMBUG}: questions are the bot's messages that ask for a reply (force reply),
 * choices the ones with buttons. {@link Mode#ECHO}: any message of the bot serves as both, so the
 * echo bot gets exactly the same updates in the same steps.
 */
final class ConversationLoad implements FakeBotApi.Listener {

    enum Mode { REMBUG, ECHO }

    enum Kind { JOIN, COMMAND, ANSWER, PRESS }

    static final int UPDATES_PER_GROUP = 12;
    /** {@code -Dbench.trace=true}: print every bot call (for checking the script, not for timing). */
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");
    /** A group whose step goes unanswered this long is given up, so the groups behind it still run. */
    private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final Kind[] STEPS = {Kind.JOIN, Kind.COMMAND, Kind.COMMAND, Kind.ANSWER, Kind.ANSWER, Kind.PRESS};
    private static final String[] ANSWERS_1 = {
            "Saya Ani dari RT 3, sehari-hari berjualan sayur di pasar pagi.",
            "Panggil saja Pak Budi, RT 5, saya tukang kayu.",
            "Dewi, dusun Krajan, ibu rumah tangga dan kader posyandu."};
    private static final String[] ANSWERS_2 = {
            "Pendamping dari mana dan berapa lama di kampung kita?",
            "Apa yang bisa kami harapkan dari pendampingan ini?",
            "Kapan biasanya pendamping bisa ditemui?"};

    /** Figures of one wave. */
    record Result(String label, int groups, int concurrency, int updates, int answered, double seconds,
                  long botCalls, long[] fromHandOutNanos, long[] fromQueuedNanos, Map<Kind, Integer> unanswered,
                  int stalledGroups, Map<Kind, long[]> fromHandOutByKind) {

        double updatesPerSecond() {
            return answered / seconds;
        }

        double botCallsPerSecond() {
            return botCalls / seconds;
        }

        boolean complete() {
            return answered == updates;
        }
    }

    private final FakeBotApi api;
    private final Mode mode;
    private final int wave;
    private final Map<Long, Group> groupsByChat = new HashMap<>();
    private final Map<String, Update> byCallbackId = new HashMap<>();
    private final ArrayDeque<Group> waiting = new ArrayDeque<>();
    private final List<Update> all = new ArrayList<>();
    private final CountDownLatch done;
    private final long replyDelayMillis;
    /** Holds back replies and button presses for the residents' reading time. */
    private final ScheduledExecutorService readers = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-readers");
        thread.setDaemon(true);
        return thread;
    });
    private final int groups;
    private final int concurrency;
    private long startNanos;
    private long lastAnswerNanos;
    private int stalled;

    /**
     * @param wave        makes this wave's chat and user ids its own, so waves in one run never
     *                    mix (a late message of one wave cannot answer an update of the next)
     * @param concurrency how many groups talk at once; a finished group makes room for the next
     * @param replyDelayMillis how long residents take to reply to a question or press its button,
     *                    counted from when the fake answered the call that sent it
     */
    ConversationLoad(FakeBotApi api, Mode mode, int wave, int groups, int concurrency, long replyDelayMillis) {
        this.replyDelayMillis = replyDelayMillis;
        this.api = api;
        this.mode = mode;
        this.wave = wave;
        this.groups = groups;
        this.concurrency = Math.max(1, Math.min(concurrency, groups));
        this.done = new CountDownLatch(groups);
        for (int g = 0; g < groups; g++) {
            Group group = new Group(wave, g);
            groupsByChat.put(group.chatId, group);
            waiting.add(group);
        }
    }

    /** Plays the wave; returns when every group finished its script or the time ran out. */
    Result run(String label, long timeoutSeconds) throws InterruptedException {
        long callsBefore = api.botCalls();
        api.listener(this);
        synchronized (this) {
            startNanos = System.nanoTime();
            for (int i = 0; i < concurrency; i++) {
                startNext();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!done.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            giveUpStalledGroups();
        }
        readers.shutdownNow();
        synchronized (this) {
            if (Boolean.getBoolean("bench.show-group") && mode == Mode.REMBUG && groups > 100) {
                Group shown = groupsByChat.values().stream().filter(g -> g.finished).skip(groups / 2).findFirst().orElse(null);
                if (shown != null) {
                    System.out.printf("group %d, what it saw:%n  %s%n", shown.chatId, String.join("\n  ", shown.logLines()));
                }
            }
            long end = lastAnswerNanos > 0 ? lastAnswerNanos : System.nanoTime();
            List<Long> fromHandOut = new ArrayList<>();
            List<Long> fromQueued = new ArrayList<>();
            Map<Kind, List<Long>> byKind = new java.util.EnumMap<>(Kind.class);
            Map<Kind, Integer> unanswered = new java.util.EnumMap<>(Kind.class);
            for (Update update : all) {
                if (update.answeredAt > 0) {
                    fromHandOut.add(update.answeredAt - update.handedOutAt);
                    fromQueued.add(update.answeredAt - update.queuedAt);
                    byKind.computeIfAbsent(update.kind, k -> new ArrayList<>()).add(update.answeredAt - update.handedOutAt);
                } else {
                    unanswered.merge(update.kind, 1, Integer::sum);
                }
            }
            int total = groups * UPDATES_PER_GROUP;
            return new Result(label, groups, concurrency, total, fromHandOut.size(),
                    (end - startNanos) / 1e9, api.botCalls() - callsBefore, sorted(fromHandOut), sorted(fromQueued),
                    unanswered, stalled, byKind.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> sorted(e.getValue()), (a, b) -> a,
                            () -> new java.util.EnumMap<>(Kind.class))));
        }
    }

    private synchronized void giveUpStalledGroups() {
        long now = System.nanoTime();
        for (Group group : groupsByChat.values()) {
            if (!group.finished && group.step >= 0 && now - group.releasedAt > STALL_NANOS) {
                group.finished = true;
                if (stalled++ < 3) {
                    System.out.printf("group %d given up at step %d; what it saw:%n  %s%n", group.chatId, group.step,
                            String.join("\n  ", group.logLines()));
                }
                done.countDown();
                startNext();
            }
        }
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private void startNext() {
        Group group = waiting.poll();
        if (group != null) {
            release(group, 0);
        }
    }

    // ---- the bot's calls -------------------------------------------------------------------

    @Override
    public synchronized void onBotCall(String method, JsonNode body, long chatId, int assignedMessageId, long nanos) {
        if (TRACE) {
            System.out.printf("%.1f ms %s -> %d: %s%n", (nanos - startNanos) / 1e6, method, assignedMessageId, body);
        }
        Group logged = groupsByChat.get(chatId);
        if (logged != null) {
            logged.log(nanos, "bot " + method + " -> message " + assignedMessageId + " "
                    + body.path("message_id").asText(body.path("reply_parameters").path("message_id").asText("")));
        }
        switch (method) {
            case "answercallbackquery" -> {
                Update update = byCallbackId.get(body.path("callback_query_id").asText());
                if (update != null) {
                    // the call names no chat: logged with the press's group
                    update.group.log(nanos, "bot answercallbackquery for the press of message " + update.messageId);
                }
                if (update != null && answer(update, nanos)) {
                    advance(update.group);
                }
            }
            case "setmessagereaction" -> {
                Group group = groupsByChat.get(chatId);
                if (group != null) {
                    Update update = group.outstandingMessage(body.path("message_id").asInt());
                    if (update != null && answer(update, nanos)) {
                        advance(group);
                    }
                }
            }
            case "editmessagetext" -> {
                // No call per answer any more: the question's message is edited with the progress,
                // which answers every answer that replied to it
                Group group = groupsByChat.get(chatId);
                if (group != null) {
                    boolean any = false;
                    for (Update update : group.outstandingAnswersTo(body.path("message_id").asInt())) {
                        any |= answer(update, nanos);
                    }
                    if (any) {
                        advance(group);
                    }
                }
            }
            case "sendmessage" -> {
                Group group = groupsByChat.get(chatId);
                if (group != null) {
                    onMessage(group, body, assignedMessageId, nanos);
                    advance(group);
                }
            }
            default -> {
            }
        }
    }

    private void onMessage(Group group, JsonNode body, int messageId, long nanos) {
        int replyTo = body.path("reply_parameters").path("message_id").asInt(body.path("reply_to_message_id").asInt(0));
        Update answered = replyTo == 0 ? null : group.outstandingMessage(replyTo);
        if (answered == null) {
            answered = group.oldestOutstanding(Kind.JOIN, Kind.COMMAND);
        }
        if (answered != null) {
            answer(answered, nanos);
        }
        JsonNode markup = body.path("reply_markup");
        if (mode == Mode.ECHO) {
            group.question = messageId;
            group.choice = new Choice(messageId, List.of("echo"));
        } else if (markup.path("force_reply").asBoolean(false)) {
            group.question = messageId;
        } else if (markup.has("inline_keyboard")) {
            List<String> data = new ArrayList<>();
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    data.add(button.path("callback_data").asText());
                }
            }
            group.choice = new Choice(messageId, data);
        }
    }

    private boolean answer(Update update, long nanos) {
        if (update.answeredAt > 0 || update.handedOutAt == 0 || nanos < update.handedOutAt) {
            return false;
        }
        update.answeredAt = nanos;
        lastAnswerNanos = Math.max(lastAnswerNanos, nanos);
        return true;
    }

    /** Queues the group's next step when the current one is answered and its prerequisite is there. */
    private void advance(Group group) {
        if (group.finished || group.current.stream().anyMatch(u -> u.answeredAt == 0)) {
            return;
        }
        int next = group.step + 1;
        if (next == STEPS.length) {
            group.finished = true;
            done.countDown();
            startNext();
            return;
        }
        if (STEPS[next] == Kind.ANSWER && group.question == 0 || STEPS[next] == Kind.PRESS && group.choice == null) {
            return;
        }
        if (STEPS[next] == Kind.ANSWER || STEPS[next] == Kind.PRESS) {
            if (!group.replyScheduled) {
                group.replyScheduled = true;
                readers.schedule(() -> {
                    synchronized (this) {
                        group.replyScheduled = false;
                        if (!group.finished) {
                            release(group, next);
                        }
                    }
                }, replyDelayMillis, TimeUnit.MILLISECONDS);
            }
            return;
        }
        release(group, next);
    }

    private void release(Group group, int step) {
        List<Update> updates = new ArrayList<>();
        switch (step) {
            case 0 -> updates.add(group.message(Kind.JOIN, group.facilitator, null, 0));
            case 1 -> updates.add(group.message(Kind.COMMAND, group.facilitator, "/fasilitator", 0));
            case 2 -> updates.add(group.message(Kind.COMMAND, group.residents[0], "/mulai", 0));
            case 3, 4 -> {
                String[] texts = step == 3 ? ANSWERS_1 : ANSWERS_2;
                for (int r = 0; r < group.residents.length; r++) {
                    updates.add(group.message(Kind.ANSWER, group.residents[r], texts[r], group.question));
                }
            }
            case 5 -> {
                for (int r = 0; r < group.residents.length; r++) {
                    Choice choice = group.choice;
                    String data = choice.data().isEmpty() ? "x" : choice.data().get(r % choice.data().size());
                    Update press = group.press(group.residents[r], choice.messageId(), data);
                    byCallbackId.put(press.callbackId, press);
                    updates.add(press);
                }
            }
            default -> throw new IllegalStateException("no step " + step);
        }
        group.step = step;
        group.current = updates;
        group.releasedAt = System.nanoTime();
        // what the next step answers or presses must come after this step was sent
        group.question = 0;
        group.choice = null;
        all.addAll(updates);
        for (Update update : updates) {
            group.log(group.releasedAt, "sent " + update.kind + " message " + update.messageId + " replying to "
                    + update.replyTo);
        }
        api.enqueue(updates);
    }

    // ---- groups and their updates ----------------------------------------------------------

    private record Person(long id, String firstName) {
        String json() {
            return "{\"id\":" + id + ",\"is_bot\":false,\"first_name\":\"" + firstName + "\",\"language_code\":\"id\"}";
        }
    }

    /** One line of a group's log, as it happened. */
    private record Event(long nanos, String what) {
    }

    private record Choice(int messageId, List<String> data) {
    }

    private final class Group {
        final long chatId;
        final Person facilitator;
        final Person[] residents;
        int step = -1;
        boolean replyScheduled;
        long releasedAt;
        List<Update> current = List.of();
        /**
         * What happened in this group, for explaining a group that got stuck: kept raw and
         * formatted only when printed, so that the harness spends little of the CPU it measures.
         */
        private final List<Event> log = new ArrayList<>();
        int question;
        Choice choice;
        boolean finished;

        Group(int wave, int index) {
            long serial = (long) wave * 100_000 + index;
            chatId = -(4_000_000_000L + serial);
            long userBase = 1_000_000_000L + serial * 10;
            facilitator = new Person(userBase, "Fasil");
            residents = new Person[]{new Person(userBase + 1, "Ani"), new Person(userBase + 2, "Budi"),
                    new Person(userBase + 3, "Dewi")};
        }

        void log(long nanos, String what) {
            log.add(new Event(nanos, what));
        }

        List<String> logLines() {
            return log.stream().map(event -> String.format(java.util.Locale.ROOT, "%9.1f ms %s",
                    (event.nanos() - startNanos) / 1e6, event.what())).toList();
        }

        String chatJson() {
            return "{\"id\":" + chatId + ",\"title\":\"RT " + (-chatId % 1000) + "\",\"type\":\"group\"}";
        }

        Update message(Kind kind, Person from, String text, int replyTo) {
            return new Update(this, kind, from, text, replyTo, api.nextMessageId(chatId), null, null);
        }

        Update press(Person from, int messageId, String data) {
            return new Update(this, Kind.PRESS, from, null, 0, messageId,
                    "cb-" + chatId + "-" + from.id() + "-" + messageId, data);
        }

        Update outstandingMessage(int messageId) {
            for (Update update : current) {
                if (update.kind != Kind.PRESS && update.messageId == messageId && update.answeredAt == 0) {
                    return update;
                }
            }
            return null;
        }

        /** The answers handed out that reply to the bot's question {@code questionId} and wait for the bot. */
        List<Update> outstandingAnswersTo(int questionId) {
            return current.stream().filter(u -> u.kind == Kind.ANSWER && u.replyTo == questionId
                    && u.handedOutAt > 0 && u.answeredAt == 0).toList();
        }

        Update oldestOutstanding(Kind... kinds) {
            for (Update update : current) {
                if (update.answeredAt == 0 && update.handedOutAt > 0 && Arrays.asList(kinds).contains(update.kind)) {
                    return update;
                }
            }
            return null;
        }
    }

    /** One update of the script, with its times (System.nanoTime). */
    private static final class Update implements FakeBotApi.Tracked {
        final Group group;
        final Kind kind;
        final Person from;
        final String text;
        final int replyTo;
        final int messageId;
        final String callbackId;
        final String data;
        volatile long queuedAt;
        volatile long handedOutAt;
        long answeredAt;

        Update(Group group, Kind kind, Person from, String text, int replyTo, int messageId, String callbackId,
               String data) {
            this.group = group;
            this.kind = kind;
            this.from = from;
            this.text = text;
            this.replyTo = replyTo;
            this.messageId = messageId;
            this.callbackId = callbackId;
            this.data = data;
        }

        @Override
        public void queued(long nanos) {
            queuedAt = nanos;
        }

        @Override
        public void handedOut(long nanos) {
            if (handedOutAt == 0) {
                handedOutAt = nanos;
            }
        }

        @Override
        public String json(int updateId) {
            long date = System.currentTimeMillis() / 1000;
            String bot = "{\"id\":" + FakeBotApi.BOT_ID + ",\"is_bot\":true,\"first_name\":\"Bench\"}";
            if (kind == Kind.PRESS) {
                return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"" + callbackId + "\",\"from\":"
                        + from.json() + ",\"message\":{\"message_id\":" + messageId + ",\"from\":" + bot
                        + ",\"chat\":" + group.chatJson() + ",\"date\":" + date + ",\"text\":\"?\"},"
                        + "\"chat_instance\":\"" + group.chatId + "\",\"data\":\"" + data + "\"}}";
            }
            StringBuilder json = new StringBuilder(400).append("{\"update_id\":").append(updateId)
                    .append(",\"message\":{\"message_id\":").append(messageId).append(",\"from\":").append(from.json())
                    .append(",\"chat\":").append(group.chatJson()).append(",\"date\":").append(date);
            if (kind == Kind.JOIN) {
                json.append(",\"new_chat_members\":[").append(bot).append(']');
            } else {
                json.append(",\"text\":\"").append(text).append('"');
                if (kind == Kind.COMMAND) {
                    json.append(",\"entities\":[{\"type\":\"bot_command\",\"offset\":0,\"length\":")
                            .append(text.length()).append("}]");
                }
                if (replyTo != 0) {
                    json.append(",\"reply_to_message\":{\"message_id\":").append(replyTo).append(",\"from\":")
                            .append(bot).append(",\"chat\":").append(group.chatJson()).append(",\"date\":").append(date)
                            .append(",\"text\":\"?\"}");
                }
            }
            return json.append("}}").toString();
        }
    }
}
