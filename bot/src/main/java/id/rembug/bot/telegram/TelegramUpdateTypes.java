package id.rembug.bot.telegram;

import java.util.List;

/** The update kinds Rembug asks Telegram for, in both polling and webhook mode. */
final class TelegramUpdateTypes {

    static final List<String> WANTED = List.of("message", "edited_message", "callback_query", "my_chat_member",
            "chat_member", "poll_answer");

    private TelegramUpdateTypes() {
    }
}
