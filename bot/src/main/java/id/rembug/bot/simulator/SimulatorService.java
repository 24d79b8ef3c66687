package id.rembug.bot.simulator;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Outgoing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The people's side of the simulator: one person at the page plays every member of a simulated
 * group. Each action is written to the chat log (so the page shows it) and handed to the inbox
 * as the {@link Inbound} update Telegram would have produced, so the bot behind it cannot tell
 * the difference.
 */
public class SimulatorService {

    /** The bot as the simulated group sees it. */
    public static final ChatUser BOT = new ChatUser("sim-bot", "Rembug", true);

    public static final String DEFAULT_FACILITATOR = "Fasilitator Sari";
    public static final List<String> DEFAULT_RESIDENTS = List.of("Ani", "Budi", "Citra", "Dedi", "Eka");

    /** Telegram's limit on one text message. */
    static final int MAX_TEXT = Outgoing.MAX_TEXT_LENGTH;

    private final SimulatorStore store;
    private final InboxWriter inbox;
    private final Clock clock;

    public SimulatorService(SimulatorStore store, InboxWriter inbox, Clock clock) {
        this.store = store;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** What one action produced: the chat line it added (if any) and the update handed to the inbox (if any). */
    public record Posted(String chatId, String messageId, List<String> updateIds) {
        public Posted {
            updateIds = List.copyOf(updateIds);
        }
    }

    // --- groups and cast ---------------------------------------------------------------------

    public SimGroup createGroup(String title, String facilitatorName, List<String> residentNames) {
        String facilitator = blankToNull(facilitatorName) == null ? DEFAULT_FACILITATOR : facilitatorName;
        List<String> residents = residentNames == null || residentNames.stream().allMatch(n -> blankToNull(n) == null)
                ? DEFAULT_RESIDENTS : residentNames;
        List<Persona> cast = residents.stream().filter(n -> blankToNull(n) != null).map(this::persona).toList();
        return store.createGroup(title, persona(facilitator), cast);
    }

    public SimGroup createDefaultGroup() {
        return createGroup(null, null, null);
    }

    public List<SimGroup> groups() {
        return store.groups();
    }

    public SimGroup group(String chatId) {
        return store.group(chatId).orElseThrow(() -> SimulatorException.notFound("no simulated group " + chatId));
    }

    /** The facilitator (or {@code byUserId}) adds the bot; the bot then learns who is in the group. */
    public Posted addBot(String chatId, String byUserId) {
        SimGroup group = group(chatId);
        if (group.botInGroup()) {
            throw SimulatorException.invalid("the bot is already in " + chatId);
        }
        Persona by = byUserId == null ? group.facilitator() : member(group, byUserId);
        store.setBotInGroup(chatId, true);
        String noticeId = notice(chatId, "bot-added", by.name());
        Instant at = clock.instant();
        Inbound.MembersJoined botJoined = new Inbound.MembersJoined(newUpdateId(), chatId, at, by.asUser(),
                List.of(BOT), true);
        Inbound.MembersJoined castKnown = new Inbound.MembersJoined(newUpdateId(), chatId, at, by.asUser(),
                group.cast().stream().map(Persona::asUser).toList(), false);
        return deliver(chatId, noticeId, List.of(botJoined, castKnown));
    }

    public Posted removeBot(String chatId, String byUserId) {
        SimGroup group = group(chatId);
        if (!group.botInGroup()) {
            throw SimulatorException.invalid("the bot is not in " + chatId);
        }
        Persona by = byUserId == null ? group.facilitator() : member(group, byUserId);
        // The update is written while the bot is still a member, as Telegram reports it then.
        Posted posted = deliver(chatId, notice(chatId, "bot-removed", by.name()),
                List.of(new Inbound.MemberLeft(newUpdateId(), chatId, clock.instant(), BOT, true)));
        store.setBotInGroup(chatId, false);
        return posted;
    }

    public Posted addResident(String chatId, String name) {
        SimGroup group = group(chatId);
        Persona newcomer = persona(name);
        if (group.member(newcomer.id()).isPresent()) {
            throw SimulatorException.invalid(newcomer.name() + " is already in " + chatId);
        }
        store.addToCast(chatId, newcomer);
        String noticeId = notice(chatId, "joined", newcomer.name());
        if (!group.botInGroup()) {
            return new Posted(chatId, noticeId, List.of());
        }
        return deliver(chatId, noticeId, List.of(new Inbound.MembersJoined(newUpdateId(), chatId, clock.instant(),
                group.facilitator().asUser(), List.of(newcomer.asUser()), false)));
    }

    public Posted removeResident(String chatId, String userId) {
        SimGroup group = group(chatId);
        Persona leaving = member(group, userId);
        if (leaving.id().equals(group.facilitatorId())) {
            throw SimulatorException.invalid("the facilitator stays in the group");
        }
        store.removeFromCast(chatId, userId);
        String noticeId = notice(chatId, "left", leaving.name());
        if (!group.botInGroup()) {
            return new Posted(chatId, noticeId, List.of());
        }
        return deliver(chatId, noticeId,
                List.of(new Inbound.MemberLeft(newUpdateId(), chatId, clock.instant(), leaving.asUser(), false)));
    }

    // --- typing and pressing -----------------------------------------------------------------

    /**
     * A member types in the group. The bot only hears it while it is a member; the page shows it
     * either way.
     */
    public Posted postInGroup(String chatId, String userId, String text, ReplyChoice reply) {
        SimGroup group = group(chatId);
        Persona author = member(group, userId);
        return post(chatId, false, author, text, reply, group.botInGroup());
    }

    /** A persona writes to the bot privately; writing to it opens (starts) the private chat. */
    public Posted postInPrivate(String userId, String text, ReplyChoice reply) {
        Persona author = knownPersona(userId);
        store.setStarted(userId, true);
        return post(userId, true, author, text, reply, true);
    }

    /** The persona opens a private chat with the bot, as Telegram's Start button does. */
    public Posted startPrivateChat(String userId) {
        return postInPrivate(userId, "/start", ReplyChoice.NONE);
    }

    /** The persona blocks the bot: from now on private messages to them are refused. */
    public void stopPrivateChat(String userId) {
        knownPersona(userId);
        store.setStarted(userId, false);
    }

    public Posted editMessage(String chatId, String userId, String messageId, String text) {
        boolean privateChat = chatId.equals(userId);
        Persona author;
        boolean botHears;
        if (privateChat) {
            author = knownPersona(userId);
            botHears = true;
        } else {
            SimGroup group = group(chatId);
            author = member(group, userId);
            botHears = group.botInGroup();
        }
        String newText = checkedText(text);
        ChatRecord original = store.message(chatId, messageId)
                .orElseThrow(() -> SimulatorException.notFound("no message " + messageId + " in " + chatId));
        if (!author.id().equals(original.from())) {
            throw SimulatorException.invalid("only " + original.fromName() + " can edit message " + messageId);
        }
        store.edit(chatId, messageId, newText);
        if (!botHears) {
            return new Posted(chatId, messageId, List.of());
        }
        return deliver(chatId, messageId, List.of(new Inbound.Message(newUpdateId(), chatId, privateChat,
                clock.instant(), author.asUser(), messageId, newText, original.replyTo(),
                repliesToBot(chatId, original.replyTo()), true)));
    }

    /** A persona presses an inline button under one of the bot's messages, in a group or in private. */
    public Posted pressButton(String chatId, String userId, String messageId, String data) {
        boolean privateChat = chatId.equals(userId);
        Persona presser = privateChat ? knownPersona(userId) : member(group(chatId), userId);
        ChatRecord message = store.message(chatId, messageId)
                .orElseThrow(() -> SimulatorException.notFound("no message " + messageId + " in " + chatId));
        boolean hasButton = message.fromBot() && message.buttons().stream()
                .flatMap(List::stream)
                .anyMatch(b -> Objects.equals(b.callbackData(), data));
        if (!hasButton) {
            throw SimulatorException.invalid("message " + messageId + " has no button with that data");
        }
        if (data.startsWith(Outgoing.OutButton.START_PREFIX)) {
            // a link into the private chat, as Telegram's t.me link and Start button: "/start <payload>" there
            return postInPrivate(presser.id(), "/start " + data.substring(Outgoing.OutButton.START_PREFIX.length()),
                    ReplyChoice.NONE);
        }
        return deliver(chatId, null, List.of(new Inbound.ButtonPressed(newUpdateId(), chatId, privateChat,
                clock.instant(), presser.asUser(), "sim-cb-" + UUID.randomUUID(), messageId, data)));
    }

    /** The bot message a typed answer in this chat replies to by default, if any. */
    public String defaultReplyTarget(String chatId) {
        return ChatRecord.lastQuestion(store.log(chatId)).map(ChatRecord::messageId).orElse(null);
    }

    // --- inside ------------------------------------------------------------------------------

    private Posted post(String chatId, boolean privateChat, Persona author, String text, ReplyChoice reply,
                        boolean botHears) {
        String body = checkedText(text);
        String replyTo = replyTarget(chatId, reply);
        Instant at = clock.instant();
        String messageId = store.nextMessageId(chatId);
        store.append(chatId, new ChatRecord(messageId, author.id(), author.name(), body, List.of(), false, replyTo,
                null, at));
        if (!botHears) {
            return new Posted(chatId, messageId, List.of());
        }
        return deliver(chatId, messageId, List.of(new Inbound.Message(newUpdateId(), chatId, privateChat, at,
                author.asUser(), messageId, body, replyTo, repliesToBot(chatId, replyTo), false)));
    }

    private boolean repliesToBot(String chatId, String replyTo) {
        return replyTo != null && store.message(chatId, replyTo).map(ChatRecord::fromBot).orElse(false);
    }

    private String replyTarget(String chatId, ReplyChoice reply) {
        if (reply instanceof ReplyChoice.To to) {
            if (store.message(chatId, to.messageId()).isEmpty()) {
                throw SimulatorException.invalid("no message " + to.messageId() + " to reply to in " + chatId);
            }
            return to.messageId();
        }
        return reply instanceof ReplyChoice.None ? null : defaultReplyTarget(chatId);
    }

    private Posted deliver(String chatId, String messageId, List<Inbound> updates) {
        inbox.append(updates);
        List<String> ids = new ArrayList<>();
        updates.forEach(u -> ids.add(u.updateId()));
        return new Posted(chatId, messageId, ids);
    }

    private String notice(String chatId, String what, String names) {
        String messageId = store.nextMessageId(chatId);
        store.append(chatId, new ChatRecord(messageId, ChatRecord.FROM_SYSTEM, null, names, List.of(), false, null,
                what, clock.instant()));
        return messageId;
    }

    private Persona member(SimGroup group, String userId) {
        return group.member(userId).orElseThrow(() ->
                SimulatorException.invalid(userId + " is not a member of " + group.chatId()));
    }

    private Persona knownPersona(String userId) {
        return store.persona(userId).orElseThrow(() -> SimulatorException.notFound("no persona " + userId));
    }

    private Persona persona(String name) {
        try {
            return Persona.named(name);
        } catch (IllegalArgumentException e) {
            throw SimulatorException.invalid(e.getMessage());
        }
    }

    private static String checkedText(String text) {
        if (text == null || text.isBlank()) {
            throw SimulatorException.invalid("a message needs some text");
        }
        if (text.length() > MAX_TEXT) {
            throw SimulatorException.invalid("a message has at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String newUpdateId() {
        return "sim:" + UUID.randomUUID();
    }
}
