package id.rembug.bot.dashboard;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ConversationHook;

import id.rembug.dialogues.engine.Command;

import id.rembug.dialogues.flow.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /masuk} (or {@code /login}) in a private chat: the bot answers with a one-time dashboard
 * link. Anyone may ask; what they then see is only the groups they facilitate (or all, for staff).
 * Never in a group, where anyone could open the link.
 */
@Component
public class LoginCommand implements ConversationHook {

    private final LoginLinks links;
    private final DashboardTexts texts;
    private final String baseUrl;

    public LoginCommand(LoginLinks links, DashboardTexts texts,
                        @Value("${rembug.dashboard.base-url:http://localhost:8080}") String baseUrl) {
        this.links = links;
        this.texts = texts;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The command's Indonesian name, then its English alias. */
    public static final List<String> NAMES = List.of("masuk", "login");

    /** {@code /masuk} in the "/" menu. */
    public static final List<MenuCommand> MENU = List.of(new MenuCommand(NAMES.get(0),
            "Tautan masuk ke dasbor (chat pribadi)", NAMES.get(1), "A sign-in link for the dashboard (private chat)"));

    @Override
    public List<MenuCommand> menuCommands() {
        return MENU;
    }

    public static boolean matches(String text) {
        return Command.parse(text)
                .filter(parsed -> parsed.command() == Command.UNKNOWN && NAMES.contains(parsed.name()))
                .isPresent();
    }

    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        if (!call.privateChat() || !(call.inbound() instanceof Inbound.Message message) || message.edited()) {
            return Optional.empty();
        }
        return reply(message.chatId(), message.text(), Language.ID).map(HookAnswer::text);
    }

    /** The reply to {@code text} from {@code userId}, when it is the login command. */
    public Optional<String> reply(String userId, String text, Language language) {
        if (!matches(text)) {
            return Optional.empty();
        }
        String link = baseUrl + "/dashboard/masuk/" + links.issue(userId);
        return Optional.of(texts.get(DashboardText.BOT_LOGIN_LINK, language, Map.of("link", link)));
    }
}
