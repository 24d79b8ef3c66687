package id.rembug.bot.dashboard;

import id.rembug.bot.broadcast.Announcement;
import id.rembug.bot.broadcast.BroadcastService;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.broadcast.Vote;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.simulator.ChatRecord;
import id.rembug.bot.simulator.Persona;
import id.rembug.bot.simulator.ReplyChoice;
import id.rembug.bot.simulator.SimGroup;
import id.rembug.bot.simulator.SimulatorService;
import id.rembug.bot.simulator.SimulatorStore;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * Seeds groups the way people make them: through the simulator, the inbox and the conversation
 * processors, waiting until each step is applied. Nothing is written to Redis behind the app's back.
 */
final class DashboardGroups {

    private static final Pattern LINK = Pattern.compile("/dashboard/masuk/([A-Za-z0-9_-]+)");

    private final SimulatorService simulator;
    private final SimulatorStore store;
    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();

    DashboardGroups(SimulatorService simulator, SimulatorStore store, StringRedisTemplate redis) {
        this.simulator = simulator;
        this.store = store;
        this.redis = redis;
    }

    /** A group whose facilitator claimed it, started the flow, and whose residents each answered stage 1. */
    String groupWithAnswers(String title, String facilitator, Map<String, String> answers) {
        SimGroup group = simulator.createGroup(title, facilitator, List.copyOf(answers.keySet()));
        String id = group.chatId();
        simulator.addBot(id, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id) != null);
        say(id, group.facilitatorId(), "/fasilitator");
        await().atMost(Duration.ofSeconds(10)).until(() -> group.facilitatorId().equals(state(id).facilitatorId()));
        say(id, group.facilitatorId(), "/mulai");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).status() == GroupStatus.ACTIVE);
        // Residents answer by replying to the bot's question, so it must have reached the chat first.
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.defaultReplyTarget(id) != null);
        int expected = 0;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            say(id, Persona.named(answer.getKey()).id(), answer.getValue());
            int count = ++expected;
            await().atMost(Duration.ofSeconds(10)).until(() -> new GroupRecords(redis).answers(id).size() >= count);
        }
        return id;
    }

    void say(String chatId, String personaId, String text) {
        simulator.postInGroup(chatId, personaId, text, ReplyChoice.AUTO);
    }

    /** The member asks for their data to be deleted and confirms with the bot's first button. */
    void deleteMyData(String chatId, String personaId) {
        int before = store.log(chatId).size();
        say(chatId, personaId, "/hapusdata");
        ChatRecord question = await().atMost(Duration.ofSeconds(10)).until(
                () -> store.log(chatId).stream().skip(before).filter(r -> r.fromBot() && !r.buttons().isEmpty())
                        .findFirst().orElse(null), r -> r != null);
        simulator.pressButton(chatId, personaId, question.messageId(), question.buttons().get(0).get(0).callbackData());
        await().atMost(Duration.ofSeconds(10)).until(() -> new GroupRecords(redis).answers(chatId).stream()
                .noneMatch(answer -> answer.memberId().equals(personaId)));
    }

    /**
     * Has staff announce a meeting through the broadcast service and waits until the fan-out has
     * delivered it to each of {@code reaches}. Returns the broadcast's id.
     */
    String announce(BroadcastService broadcasts, String title, Target target, String... reaches) {
        Announcement announcement = new Announcement(title, ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).plusDays(3)
                .withSecond(0).withNano(0), "Balai warga", "Membahas hasil rembug");
        String id = broadcasts.create(announcement, target, null, DashboardApp.STAFF_ID).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> broadcasts.deliveries(id).stream()
                .filter(d -> "sent".equals(d.status())).map(BroadcastService.GroupDelivery::groupId).toList()
                .containsAll(List.of(reaches)));
        return id;
    }

    /** The resident presses an RSVP button ({@code 0} coming, {@code 1} not, {@code 2} maybe) under the announcement. */
    void rsvp(BroadcastService broadcasts, String broadcastId, String chatId, String residentName, int choice) {
        String personaId = Persona.named(residentName).id();
        ChatRecord announcement = store.log(chatId).stream()
                .filter(r -> r.fromBot() && r.buttons().stream().flatMap(List::stream)
                        .anyMatch(b -> b.callbackData().startsWith("v|" + broadcastId + "|")))
                .findFirst().orElseThrow();
        List<OutButton> buttons = announcement.buttons().stream().flatMap(List::stream).toList();
        simulator.pressButton(chatId, personaId, announcement.messageId(), buttons.get(choice).callbackData());
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Vote.Counts counts = broadcasts.report(broadcastId).orElseThrow().rsvpByGroup().get(chatId);
            return counts != null && counts.yes() + counts.no() + counts.maybe() > 0;
        });
    }

    /** Asks the bot for a login link in the persona's private chat and returns the token it sent. */
    String loginToken(String personaId) {
        int before = store.log(personaId).size();
        simulator.postInPrivate(personaId, "/masuk", ReplyChoice.NONE);
        String text = await().atMost(Duration.ofSeconds(10)).until(
                () -> store.log(personaId).stream().skip(before).filter(ChatRecord::fromBot)
                        .map(ChatRecord::text).filter(t -> LINK.matcher(t).find()).findFirst().orElse(null),
                t -> t != null);
        Matcher matcher = LINK.matcher(text);
        matcher.find();
        return matcher.group(1);
    }

    GroupState state(String groupId) {
        Object json = redis.opsForHash().get(ConversationKeys.group(groupId), "state");
        return json == null ? null : codec.readState((String) json);
    }
}
