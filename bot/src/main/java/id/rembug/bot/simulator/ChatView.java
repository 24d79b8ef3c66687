package id.rembug.bot.simulator;

import id.rembug.dialogues.flow.Text;

import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.channel.TextCuts;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat as the page shows it: the log with reactions and edits applied, replies quoted, and the
 * toast of a recent button answer. Also the JSON answer of {@code GET .../messages}.
 *
 * @param version          changes whenever the chat does; the page polls with it
 * @param toast            the text of a recent button answer, or null
 * @param alert            whether that answer is an alert (a box to close) rather than a toast
 * @param toastAt          when that answer came, which tells one alert from the next; null without one
 * @param defaultReplyTo   the bot question a typed message answers unless the person chooses
 *                         otherwise (Telegram's ForceReply), or null
 */
public record ChatView(String chatId, long version, List<Line> messages, String toast, boolean alert,
                       String toastAt, String defaultReplyTo, String defaultReplyText) {

    /** How long a button's toast stays up, like Telegram's short notification. */
    static final Duration TOAST_SHOWN_FOR = Duration.ofSeconds(5);
    /** An alert stays until closed on the page (Telegram's dialog waits for OK), or this long. */
    static final Duration ALERT_SHOWN_FOR = Duration.ofSeconds(25);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int QUOTE_LENGTH = 80;

    public ChatView {
        messages = List.copyOf(messages);
    }

    /**
     * One line.
     *
     * @param kind {@code bot}, {@code person} or {@code notice}
     */
    public record Line(String messageId, String kind, String fromId, String fromName, String text, boolean edited,
                       List<List<OutButton>> buttons, boolean forceReply, String replyTo, String replyToName,
                       String replyToText, String reaction, String time) {
    }

    static ChatView of(String chatId, SimulatorStore store, Map<String, String> words, Clock clock) {
        // The version first: every change writes the chat, then bumps it, so what is read after
        // holds at least what the version counts. Read last, it could count a message the bot sent
        // after the log was read; the page, polling with it, would then not show that message
        // until the chat changed again.
        long version = store.version(chatId);
        List<ChatRecord> log = store.log(chatId);
        Map<String, String> reactions = store.reactions(chatId);
        Map<String, String> edits = store.edits(chatId);
        Map<String, ChatRecord> byId = new HashMap<>();
        log.forEach(r -> byId.put(r.messageId(), r));
        // Times are for the person at the page: their machine's zone, not the clock's (UTC).
        ZoneId zone = ZoneId.systemDefault();

        List<Line> lines = log.stream().map(r -> {
            String kind = r.fromBot() ? "bot" : r.serviceNotice() ? "notice" : "person";
            String text = r.serviceNotice()
                    ? Text.fill(words.getOrDefault("notice-" + r.notice(), "{name}"), Map.of("name", r.text()))
                    : edits.getOrDefault(r.messageId(), r.text());
            ChatRecord quoted = r.replyTo() == null ? null : byId.get(r.replyTo());
            String quotedName = quoted == null ? null : quoted.fromBot() ? words.get("bot") : quoted.fromName();
            String quotedText = quoted == null ? null : shorten(edits.getOrDefault(quoted.messageId(), quoted.text()));
            String fromName = r.fromBot() ? words.get("bot") : r.fromName();
            return new Line(r.messageId(), kind, r.from(), fromName, text, edits.containsKey(r.messageId()),
                    r.buttons(), r.forceReply(), r.replyTo(), quotedName, quotedText,
                    reactions.get(r.messageId()), TIME.format(r.at().atZone(zone)));
        }).toList();

        SimulatorStore.Toast toast = store.toast(chatId)
                .filter(t -> t.at().plus(t.alert() ? ALERT_SHOWN_FOR : TOAST_SHOWN_FOR).isAfter(clock.instant()))
                .orElse(null);

        ChatRecord lastQuestion = ChatRecord.lastQuestion(log).orElse(null);
        return new ChatView(chatId, version, lines, toast == null ? null : toast.text(), toast != null && toast.alert(),
                toast == null ? null : toast.at().toString(),
                lastQuestion == null ? null : lastQuestion.messageId(),
                lastQuestion == null ? null : shorten(lastQuestion.text()));
    }

    /** A quote on one line: cut after a sentence or between words, as Telegram's quote bar reads. */
    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return TextCuts.shorten(text.replaceAll("\\s+", " ").strip(), QUOTE_LENGTH);
    }
}
