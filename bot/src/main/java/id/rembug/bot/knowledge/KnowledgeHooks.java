package id.rembug.bot.knowledge;

import id.rembug.bot.conversation.CallbackData;
import id.rembug.bot.conversation.ConversationHook;
import id.rembug.bot.conversation.ModelJob;
import id.rembug.bot.conversation.ModelJobRate;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeCommand;
import id.rembug.bot.knowledge.Reply;
import id.rembug.bot.knowledge.ReplyButton;
import id.rembug.bot.summaries.StageSummaryWriter;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Language;
import id.rembug.knowledge.Article;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations meet the knowledge base: answering {@code /tanya} and {@code /baca}, the
 * "why does this stage matter?" button, the "read" buttons, and what a facilitator's summary
 * adds to the engine's own (a written summary, a tip for the next stage, mediator and broker
 * hints).
 *
 * <p>A group may get about 20 messages a minute, and each message spent on a button press is
 * one a question waits for. So in a group: the "why" button is answered with an alert for the
 * person who pressed it and nothing in the chat; a "read" button posts its article once per
 * message it is under (a reply to that message), and every later press there gets a toast
 * saying the article is already in the chat. In a private chat there is no such budget and
 * both post their text.
 *
 * <p>{@code /tanya} is answered from the knowledge base inside the turn; with a language model
 * configured (and the conversation's {@code rembug.llm.per-group} rate allowing) the answer also
 * carries a {@link ConversationHook.ModelQuestion}, which the turn commits as a {@link ModelJob}:
 * {@link ModelJobs} asks the model after the commit and edits the answer when the model's is
 * usable. The facilitator's stage summary works the same way ({@link #improveSummary}). No
 * model call ever holds up a group's turn.
 */
@Component
public class KnowledgeHooks implements ConversationHook {

    /** {@code /tanya} and {@code /baca} in the "/" menu. */
    public static final List<MenuCommand> MENU = List.of(
            new MenuCommand(KnowledgeCommand.ASK.names().get(0), "Tanya soal pendampingan masyarakat",
                    KnowledgeCommand.ASK.names().get(1), "Ask about community facilitation"),
            new MenuCommand(KnowledgeCommand.READ.names().get(0), "Baca satu artikel panduan",
                    KnowledgeCommand.READ.names().get(1), "Read one guide article"));

    private final KnowledgeAdvisor advisor;
    private final ModelJobRate modelRate;
    private final StageSummaryWriter writer;
    private final PostedArticles posted;

    KnowledgeHooks(KnowledgeAdvisor advisor, ModelJobRate modelRate, StageSummaryWriter writer,
                   PostedArticles posted) {
        this.advisor = advisor;
        this.modelRate = modelRate;
        this.writer = writer;
        this.posted = posted;
    }

    @Override
    public List<MenuCommand> menuCommands() {
        return MENU;
    }

    /** {@code /tanya}, {@code /baca}, and the "why this stage" and "read" buttons, in groups and private chats. */
    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        Language language = call.privateChat() ? Language.ID : call.state().language();
        if (call.inbound() instanceof Inbound.Message message && !message.edited()) {
            return KnowledgeCommand.parse(message.text()).map(parsed -> switch (parsed.command()) {
                case ASK -> ask(call, message, parsed.argument(), language);
                case READ -> post(advisor.read(parsed.argument(), language));
            });
        }
        if (call.inbound() instanceof Inbound.ButtonPressed pressed) {
            return CallbackData.decode(pressed.data()).flatMap(data -> button(call, pressed, data, language));
        }
        return Optional.empty();
    }

    private Optional<HookAnswer> button(HookCall call, Inbound.ButtonPressed pressed, CallbackData data,
                                        Language language) {
        if (data instanceof CallbackData.WhyStage why) {
            return Optional.of(call.privateChat() ? post(advisor.whyStage(why.stageKey(), language))
                    : HookAnswer.alert(advisor.whyAlert(why.stageKey(), language)));
        }
        if (data instanceof CallbackData.ReadArticle read) {
            return Optional.of(call.privateChat() ? post(advisor.read(read.articleId(), language))
                    : readInGroup(call, pressed, read.articleId(), language));
        }
        return Optional.empty();
    }

    /** The article once per message its button is under; later presses there, a toast. */
    private HookAnswer readInGroup(HookCall call, Inbound.ButtonPressed pressed, String articleId, Language language) {
        Optional<Article> article = advisor.findArticle(articleId);
        String pressId = pressed.updateId() != null ? pressed.updateId() : pressed.callbackId();
        if (article.isEmpty() || pressed.messageId() == null || pressId == null) {
            // an unknown article, or a press we could not tell from the next one: the gist, in an alert
            return HookAnswer.alert(advisor.readAlert(articleId, language));
        }
        if (!posted.claim(call.conversation(), pressed.messageId(), article.get().id(), pressId)) {
            return HookAnswer.toast(advisor.readPosted(article.get().id(), language));
        }
        return post(advisor.read(article.get().id(), language));
    }

    private static HookAnswer post(Reply reply) {
        return new HookAnswer(List.of(new HookText(reply.text(), rows(reply))), null);
    }

    private HookAnswer ask(HookCall call, Inbound.Message message, String question, Language language) {
        Reply reply = advisor.ask(question, language);
        return new HookAnswer(List.of(new HookText(reply.text(), rows(reply),
                modelQuestion(call, message, question, language))), null);
    }

    /**
     * The question for the model to answer after the turn, when one is configured and the
     * conversation's rate allows it; null otherwise (the knowledge base's answer is final).
     */
    private ConversationHook.ModelQuestion modelQuestion(HookCall call, Inbound.Message message, String question,
                                                        Language language) {
        if (question == null || question.isBlank() || !modelRate.mayAsk(call.conversation(), message.at())) {
            return null;
        }
        return new ConversationHook.ModelQuestion(question, language, message.at());
    }

    /** The button under a stage intro, when the knowledge base explains the stage. */
    public Optional<OutButton> whyButton(String stageKey, Language language) {
        return advisor.hasStageArticle(stageKey)
                ? Optional.of(new OutButton(advisor.whyButtonLabel(language), new CallbackData.WhyStage(stageKey).encode()))
                : Optional.empty();
    }

    /**
     * For a stage whose first question is typed, where the message asks for a reply and so can
     * carry no button: the same offer as a line, "why this stage matters: /baca ...".
     */
    public Optional<String> whyHint(String stageKey, Language language) {
        return advisor.stageArticleId(stageKey).map(id -> advisor.whyButtonLabel(language) + " /baca " + id);
    }

    /** What follows the engine's summary in the facilitator's message. */
    public String facilitatorExtras(StageSummary summary, Language language) {
        List<String> parts = new ArrayList<>();
        parts.add(deterministicSummary(summary, language));
        parts.addAll(advisor.facilitatorNotes(summary, language));
        return String.join("\n\n", parts);
    }

    private String deterministicSummary(StageSummary summary, Language language) {
        return writer.present(writer.deterministic(summary, language), language);
    }

    /**
     * With a model configured, a job to replace the deterministic summary in the facilitator's
     * {@code message} by the model's, after the turn. A message held for the daily digest keeps
     * none (the plan drops it): it is not sent on its own, so there is nothing to edit.
     */
    public Optional<ModelJob> improveSummary(String conversation, Outgoing message, StageSummary summary,
                                             Language language) {
        if (!modelRate.modelOn()) {
            return Optional.empty();
        }
        return Optional.of(ModelJob.summary(message.id() + ":model", conversation, message.chatId(), message.groupId(),
                message.id(), summary, language, message.createdAt(), message.text(),
                deterministicSummary(summary, language), message.buttons()));
    }

    public static List<List<OutButton>> rows(Reply reply) {
        List<List<OutButton>> rows = new ArrayList<>();
        for (ReplyButton button : reply.buttons()) {
            rows.add(List.of(new OutButton(button.label(), new CallbackData.ReadArticle(button.articleId()).encode())));
        }
        return rows;
    }
}
