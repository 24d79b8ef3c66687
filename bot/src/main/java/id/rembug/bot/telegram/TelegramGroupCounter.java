package id.rembug.bot.telegram;

import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import id.rembug.dialogues.engine.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks Telegram how many people a group has whenever that may have changed (the bot was added,
 * someone joined or left, the group starts with /mulai), and hands the count to the group as an
 * inbox entry of its own. Under privacy mode the bot never sees members who do not write, so
 * without the count a summary could not honestly say "everyone has spoken", and "3 of 5 have
 * answered" would count only those the bot has seen.
 *
 * <p>A group that starts soon after it was counted (the bot is usually added minutes before
 * /mulai) is not counted again: the count still holds, and the call and the group's turn to take
 * it in would be spent for nothing. People joining or leaving are counted whenever they do.
 *
 * <p>The call goes on its own thread, after the update that caused it is safely stored, so a slow
 * or failing Bot API never holds up the intake; a count that fails is simply not there, and the
 * group goes on with the members it knows. Its inbox id derives from the update that caused it,
 * so a redelivered update does not count twice.
 */
public final class TelegramGroupCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelegramGroupCounter.class);

    /** How many groups' last counts are remembered: more than start within fresh-for on one instance. */
    private static final int REMEMBERED = 10_000;

    private final TelegramClient client;
    private final InboxWriter inbox;
    private final Clock clock;
    private final Duration freshFor;
    /**
     * When this instance last counted each group (or asked to: a count under way is as good), the
     * least recently looked at forgotten first; a group forgotten is only counted once more.
     */
    private final Map<String, Instant> countedAt = Collections.synchronizedMap(
            new LinkedHashMap<String, Instant>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > REMEMBERED;
                }
            });
    private final ExecutorService calls = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rembug-telegram-group-count");
        thread.setDaemon(true);
        return thread;
    });

    public TelegramGroupCounter(TelegramClient client, InboxWriter inbox, Clock clock, Duration freshFor) {
        this.client = client;
        this.inbox = inbox;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    /** Counts, in the background, each group of these stored updates whose size may have changed. */
    public void countAfter(List<Inbound> stored) {
        Map<String, String> groups = new LinkedHashMap<>();
        Instant now = clock.instant();
        Instant freshSince = now.minus(freshFor);
        for (Inbound inbound : stored) {
            if (changesTheCount(inbound) || starts(inbound) && !countedSince(inbound.chatId(), freshSince)) {
                groups.put(inbound.chatId(), inbound.updateId());
            }
        }
        groups.forEach((chatId, cause) -> {
            countedAt.put(chatId, now);
            calls.execute(() -> count(chatId, cause, now));
        });
    }

    private static boolean changesTheCount(Inbound inbound) {
        return inbound instanceof Inbound.MembersJoined || inbound instanceof Inbound.MemberLeft left && !left.botRemoved();
    }

    /** A group starting with /mulai: its count is taken unless a recent one still holds. */
    private static boolean starts(Inbound inbound) {
        return inbound instanceof Inbound.Message message && !message.privateChat() && !message.edited()
                && Command.parse(message.text()).map(p -> p.command() == Command.START).orElse(false);
    }

    private boolean countedSince(String chatId, Instant since) {
        Instant at = countedAt.get(chatId);
        return at != null && at.isAfter(since);
    }

    private void count(String chatId, String cause, Instant asked) {
        try {
            Integer members = client.execute(GetChatMemberCount.builder().chatId(chatId).build());
            if (members != null) {
                inbox.append(List.of(new Inbound.GroupCounted("count:" + cause, chatId, clock.instant(), members)));
                return;
            }
        } catch (Exception e) {
            log.info("Could not count the members of group {} ({}); it goes on with the members it knows",
                    chatId, e.toString());
        }
        // no count came of it: the group's next start asks again (unless a later count was asked for meanwhile)
        countedAt.remove(chatId, asked);
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
