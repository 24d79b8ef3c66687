package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.PollDirectory;
import id.rembug.bot.channel.SendResult;
import id.rembug.bot.channel.TextCuts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.pinnedmessages.PinChatMessage;
import org.telegram.telegrambots.meta.api.methods.polls.SendPoll;
import org.telegram.telegrambots.meta.api.methods.polls.StopPoll;
import org.telegram.telegrambots.meta.api.objects.polls.input.InputPollOption;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.api.methods.reactions.SetMessageReaction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.reactions.ReactionTypeEmoji;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ForceReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Delivers {@link Outgoing} messages through the Bot API and reports each outcome as a
 * {@link SendResult}; never throws.
 *
 * <p>Texts go out without a parse mode, so whatever residents wrote (asterisks, underscores,
 * angle brackets) shows as written and cannot break the message. A text longer than Telegram's
 * 4096 characters goes out in several messages; the buttons or the reply request ride on the last
 * one, and that last one's id is the one reported, because that is the message people answer.
 * If a later part fails, the earlier parts have already been delivered and a retry sends them
 * again; texts that long are rare enough to accept that.
 */
public final class TelegramGateway implements ChatGateway {

    private static final Logger log = LoggerFactory.getLogger(TelegramGateway.class);
    /** What Telegram accepts after {@code ?start=} in a deep link. */
    private static final Pattern START_PAYLOAD = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Telegram's limit on a media caption. */
    static final int MAX_CAPTION_LENGTH = 1024;
    /** Telegram's limit on a callback answer's toast or alert. */
    static final int MAX_CALLBACK_ANSWER_LENGTH = Outgoing.MAX_CALLBACK_ANSWER_LENGTH;

    /** Telegram's limits for a poll. */
    public static final int MAX_POLL_QUESTION_LENGTH = 300;
    public static final int MAX_POLL_OPTIONS = 10;
    public static final int MAX_POLL_OPTION_LENGTH = 100;

    private final TelegramClient client;
    private final PollDirectory polls;
    private final boolean allowPaidBroadcast;
    private volatile String botUsername;

    public TelegramGateway(TelegramClient client) {
        this(client, PollDirectory.NONE, false);
    }

    public TelegramGateway(TelegramClient client, boolean allowPaidBroadcast) {
        this(client, PollDirectory.NONE, allowPaidBroadcast);
    }

    public TelegramGateway(TelegramClient client, PollDirectory polls) {
        this(client, polls, false);
    }

    /**
     * @param polls              where each poll sent is recorded, so its votes find their group
     * @param allowPaidBroadcast send the broadcast lane's messages with {@code allow_paid_broadcast}
     *                           ({@code rembug.dispatch.paid-broadcast.enabled}): faster, paid in Stars
     */
    public TelegramGateway(TelegramClient client, PollDirectory polls, boolean allowPaidBroadcast) {
        this.client = client;
        this.polls = polls;
        this.allowPaidBroadcast = allowPaidBroadcast;
    }

    @Override
    public boolean pollFits(String chatId, String question, List<String> options) {
        return handles(chatId) && ChatGateway.isGroupChat(chatId) && pollProblem(question, options) == null;
    }

    /** What Telegram would refuse in this poll, or null. */
    private static String pollProblem(String question, List<String> options) {
        if (question == null || question.isBlank() || question.length() > MAX_POLL_QUESTION_LENGTH
                || options.size() < 2 || options.size() > MAX_POLL_OPTIONS
                || options.stream().anyMatch(o -> o.isBlank() || o.length() > MAX_POLL_OPTION_LENGTH)) {
            return "a poll needs a question of 1-" + MAX_POLL_QUESTION_LENGTH + " characters and 2-"
                    + MAX_POLL_OPTIONS + " options of 1-" + MAX_POLL_OPTION_LENGTH + " characters";
        }
        return null;
    }

    @Override
    public boolean handles(String chatId) {
        return isTelegramChatId(chatId);
    }

    /** {@code -?\d{1,20}}, checked without a regex: the dispatcher asks it for every message it sends. */
    private static boolean isTelegramChatId(String chatId) {
        if (chatId == null) {
            return false;
        }
        int start = chatId.startsWith("-") ? 1 : 0;
        int digits = chatId.length() - start;
        if (digits < 1 || digits > 20) {
            return false;
        }
        for (int i = start; i < chatId.length(); i++) {
            char c = chatId.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * getChatMember: its creator and administrators lead a group. A person Telegram does not know
     * in the chat (400 "user not found") is no member; any other failure leaves it unknown.
     */
    @Override
    public Standing standing(String groupChatId, String userId) {
        try {
            ChatMember member = client.execute(GetChatMember.builder().chatId(groupChatId)
                    .userId(Long.parseLong(userId)).build());
            String status = member == null ? null : member.getStatus();
            if ("creator".equals(status) || "administrator".equals(status)) {
                return Standing.LEADS;
            }
            boolean restrictedButIn = member instanceof ChatMemberRestricted restricted
                    && Boolean.TRUE.equals(restricted.getIsMember());
            return "member".equals(status) || restrictedButIn ? Standing.MEMBER : Standing.OUTSIDE;
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && e.getErrorCode() == 400) {
                // Telegram's "user not found" in that chat
                return Standing.OUTSIDE;
            }
            log.warn("Cannot ask Telegram whether user {} leads chat {}: {}", userId, groupChatId, e.toString());
            return Standing.UNKNOWN;
        } catch (TelegramApiException | NumberFormatException e) {
            log.warn("Cannot ask Telegram whether user {} leads chat {}: {}", userId, groupChatId, e.toString());
            return Standing.UNKNOWN;
        }
    }

    @Override
    public SendResult send(Outgoing message) {
        try {
            return switch (message.kind()) {
                case TEXT -> sendText(message);
                case EDIT -> editText(message);
                case REACTION -> sendReaction(message);
                case CALLBACK_ANSWER -> answerCallback(message);
                case POLL -> sendPoll(message);
                case STOP_POLL -> stopPoll(message);
                case PIN -> pin(message);
                case COPY -> copy(message);
            };
        } catch (TelegramApiException e) {
            return failed(message, e);
        } catch (RuntimeException e) {
            return failed(message, e);
        }
    }

    private SendResult sendText(Outgoing message) throws TelegramApiException {
        if (message.text() == null || message.text().isBlank()) {
            return new SendResult.Rejected("a Telegram message needs text");
        }
        String problem = buttonProblem(message.buttons());
        if (problem != null) {
            return new SendResult.Rejected(problem);
        }
        List<String> parts = TelegramTextSplitter.split(message.text());
        Integer replyTo = message.replyToMessageId() == null ? null : Integer.valueOf(message.replyToMessageId());
        Message last = null;
        for (int i = 0; i < parts.size(); i++) {
            boolean first = i == 0;
            boolean lastPart = i == parts.size() - 1;
            var request = SendMessage.builder().chatId(message.chatId()).text(parts.get(i));
            if (allowPaidBroadcast && message.lane() == Outgoing.Lane.BROADCAST) {
                request.allowPaidBroadcast(true);
            }
            // The first part answers the member's message; the last part does too when it asks for
            // a reply, because a selective reply request targets the sender of the message it answers.
            if (replyTo != null && (first || (lastPart && message.forceReply()))) {
                request.replyParameters(replyParameters(replyTo));
            }
            if (lastPart) {
                request.replyMarkup(markup(message, replyTo != null));
            }
            last = client.execute(AcceptedMessages.send(request));
        }
        return new SendResult.Sent(String.valueOf(last.getMessageId()));
    }

    /**
     * Replaces the text of a message we sent; the dispatcher put its Telegram id in
     * {@code replyToMessageId}. A text that was sent in parts was sent as several messages, the
     * last of which is the one we know: it gets the last part. Inline buttons must be sent again
     * or Telegram removes them. "Message is not modified" means the text already reads so.
     */
    private SendResult editText(Outgoing message) throws TelegramApiException {
        if (message.replyToMessageId() == null || message.text() == null || message.text().isBlank()) {
            return new SendResult.Rejected("an edit needs the message to change and its new text");
        }
        String problem = buttonProblem(message.buttons());
        if (problem != null) {
            return new SendResult.Rejected(problem);
        }
        List<String> parts = TelegramTextSplitter.split(message.text());
        var request = EditMessageText.builder().chatId(message.chatId())
                .messageId(Integer.valueOf(message.replyToMessageId())).text(parts.get(parts.size() - 1));
        if (!message.buttons().isEmpty()) {
            request.replyMarkup((InlineKeyboardMarkup) markup(message, false));
        }
        try {
            client.execute(AcceptedMessages.edit(request));
        } catch (TelegramApiException e) {
            if (String.valueOf(e.getMessage()).contains("message is not modified")) {
                return new SendResult.Sent(message.replyToMessageId());
            }
            throw e;
        }
        return new SendResult.Sent(message.replyToMessageId());
    }

    // Not the builder: it sends an empty quote_entities list along.
    private static ReplyParameters replyParameters(int messageId) {
        ReplyParameters parameters = new ReplyParameters(messageId);
        parameters.setAllowSendingWithoutReply(true);
        return parameters;
    }

    private ReplyKeyboard markup(Outgoing message, boolean answersSomeone) throws TelegramApiException {
        if (!message.buttons().isEmpty()) {
            boolean links = message.buttons().stream().flatMap(List::stream).anyMatch(b -> b.startPayload() != null);
            String username = links ? botUsername() : null;
            if (message.forceReply()) {
                log.debug("Message {} has both buttons and a reply request; Telegram takes one, sending the buttons",
                        message.id());
            }
            List<InlineKeyboardRow> rows = message.buttons().stream()
                    .map(row -> new InlineKeyboardRow(row.stream().map(button -> button(button, username)).toList()))
                    .toList();
            return InlineKeyboardMarkup.builder().keyboard(rows).build();
        }
        if (message.forceReply()) {
            // Selective only when the message answers someone: then only that person's reply box
            // opens. A question to the whole group must open everyone's.
            return ForceReplyKeyboard.builder().forceReply(true).selective(answersSomeone).build();
        }
        return null;
    }

    /** A callback button, or for a private-chat button a t.me deep link that starts the bot. */
    private static InlineKeyboardButton button(Outgoing.OutButton button, String botUsername) {
        var built = InlineKeyboardButton.builder().text(button.label());
        return button.startPayload() != null
                ? built.url("https://t.me/" + botUsername + "?start=" + button.startPayload()).build()
                : built.callbackData(button.callbackData()).build();
    }

    /**
     * The bot's username, for deep links: asked of Telegram (getMe) once. A failure surfaces as the
     * send's failure, which the dispatcher retries.
     */
    private String botUsername() throws TelegramApiException {
        String known = botUsername;
        if (known == null) {
            known = client.execute(new GetMe()).getUserName();
            botUsername = known;
        }
        return known;
    }

    private static String buttonProblem(List<List<Outgoing.OutButton>> rows) {
        for (List<Outgoing.OutButton> row : rows) {
            for (Outgoing.OutButton button : row) {
                if (button.label() == null || button.label().isBlank()) {
                    return "a Telegram button needs a label";
                }
                if (button.startPayload() != null) {
                    if (!START_PAYLOAD.matcher(button.startPayload()).matches()) {
                        return "start payload of button '" + button.label() + "' must be 1-64 characters"
                                + " A-Z, a-z, 0-9, _ and -, was '" + button.startPayload() + "'";
                    }
                    continue;
                }
                if (button.callbackData() == null || button.callbackData().isEmpty()) {
                    return "button '" + button.label() + "' has no callback data";
                }
                int bytes = button.callbackData().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > Outgoing.MAX_CALLBACK_DATA_BYTES) {
                    return "callback data of button '" + button.label() + "' is " + bytes
                            + " bytes; Telegram allows at most " + Outgoing.MAX_CALLBACK_DATA_BYTES;
                }
            }
        }
        return null;
    }

    /**
     * copyMessage: the person's photo, voice note or place into the facilitator's chat, as a copy
     * (no "forwarded from" line, which would name the group to anyone the facilitator shows it to).
     */
    private SendResult copy(Outgoing message) throws TelegramApiException {
        Outgoing.CopyOf copyOf = message.copyOf();
        if (copyOf == null || copyOf.fromChatId() == null || copyOf.messageId() == null) {
            return new SendResult.Rejected("a copy needs the chat and the message to copy");
        }
        var request = CopyMessage.builder().chatId(message.chatId()).fromChatId(copyOf.fromChatId())
                .messageId(Integer.valueOf(copyOf.messageId()));
        if (message.text() != null && !message.text().isBlank()) {
            request.caption(TextCuts.shorten(message.text(), MAX_CAPTION_LENGTH));
        }
        MessageId copied = client.execute(request.build());
        return new SendResult.Sent(String.valueOf(copied.getMessageId()));
    }

    private SendResult sendReaction(Outgoing message) throws TelegramApiException {
        if (message.replyToMessageId() == null || message.reaction() == null || message.reaction().isBlank()) {
            return new SendResult.Rejected("a reaction needs an emoji and the message to put it on");
        }
        client.execute(SetMessageReaction.builder()
                .chatId(message.chatId())
                .messageId(Integer.valueOf(message.replyToMessageId()))
                .reactionTypes(List.of(ReactionTypeEmoji.builder().emoji(message.reaction()).build()))
                .build());
        return new SendResult.Sent(message.replyToMessageId());
    }

    /**
     * A non-anonymous poll (each vote comes as a poll_answer naming the voter), one answer each,
     * buttons under it; the poll's id is recorded with its chat and decision before anyone can vote.
     */
    private SendResult sendPoll(Outgoing message) throws TelegramApiException {
        String problem = pollProblem(message.text(), message.options());
        if (problem == null) {
            problem = buttonProblem(message.buttons());
        }
        if (problem != null) {
            return new SendResult.Rejected(problem);
        }
        var request = SendPoll.builder().chatId(message.chatId()).question(message.text())
                .options(message.options().stream().map(o -> InputPollOption.builder().text(o).build()).toList())
                .isAnonymous(false).allowMultipleAnswers(false);
        if (!message.buttons().isEmpty()) {
            request.replyMarkup(markup(message, false));
        }
        Message sent = client.execute(request.build());
        String pollId = sent.getPoll() == null ? null : sent.getPoll().getId();
        if (pollId != null && message.promptRef() != null) {
            polls.remember(pollId, new PollDirectory.PollTarget(message.chatId(), message.promptRef()));
        }
        return new SendResult.Sent(String.valueOf(sent.getMessageId()), pollId);
    }

    /** Stops our poll (the dispatcher put its Telegram id in {@code replyToMessageId}), buttons under it. */
    private SendResult stopPoll(Outgoing message) throws TelegramApiException {
        if (message.replyToMessageId() == null) {
            return new SendResult.Rejected("stopping a poll needs the poll's message");
        }
        StopPollWithButtons request = new StopPollWithButtons(message.chatId(),
                Integer.valueOf(message.replyToMessageId()),
                message.buttons().isEmpty() ? null : (InlineKeyboardMarkup) markup(message, false));
        try {
            client.execute(request);
        } catch (TelegramApiException e) {
            if (String.valueOf(e.getMessage()).contains("poll has already been closed")) {
                return new SendResult.Sent(message.replyToMessageId());
            }
            throw e;
        }
        return new SendResult.Sent(message.replyToMessageId());
    }

    /** stopPoll with the reply_markup the Bot API takes and TelegramBots' StopPoll leaves out. */
    static final class StopPollWithButtons extends StopPoll {
        @com.fasterxml.jackson.annotation.JsonProperty("reply_markup")
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        private final InlineKeyboardMarkup replyMarkup;

        StopPollWithButtons(String chatId, Integer messageId, InlineKeyboardMarkup replyMarkup) {
            super(StopPoll.builder().chatId(chatId).messageId(messageId));
            this.replyMarkup = replyMarkup;
        }

        public InlineKeyboardMarkup getReplyMarkup() {
            return replyMarkup;
        }
    }

    /** Pins our message quietly: the agreement is news enough, no extra notification. */
    private SendResult pin(Outgoing message) throws TelegramApiException {
        if (message.replyToMessageId() == null) {
            return new SendResult.Rejected("a pin needs the message to pin");
        }
        client.execute(PinChatMessage.builder().chatId(message.chatId())
                .messageId(Integer.valueOf(message.replyToMessageId())).disableNotification(true).build());
        return new SendResult.Sent(message.replyToMessageId());
    }

    private SendResult answerCallback(Outgoing message) throws TelegramApiException {
        if (message.callbackId() == null || message.callbackId().isBlank()) {
            return new SendResult.Rejected("a callback answer needs the callback id");
        }
        String text = message.text() == null || message.text().isBlank() ? null : truncate(message.text());
        client.execute(AnswerCallbackQuery.builder().callbackQueryId(message.callbackId()).text(text)
                .showAlert(message.alert() && text != null ? Boolean.TRUE : null).build());
        return new SendResult.Sent(message.callbackId());
    }

    /** Within Telegram's 200 characters, cut after a sentence or between words, never inside one. */
    static String truncate(String text) {
        return TextCuts.shorten(text, MAX_CALLBACK_ANSWER_LENGTH);
    }

    private static SendResult failed(Outgoing message, Exception failure) {
        if (failure.getCause() instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        SendResult result = TelegramFailures.classify(failure);
        log.debug("Telegram {} {} to chat {}: {}", message.kind(), message.id(), message.chatId(), result);
        return result;
    }
}
