package id.rembug.bot.conversation;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.knowledge.KnowledgeAdvisor;
import id.rembug.bot.knowledge.KnowledgeCommand;
import id.rembug.bot.knowledge.Reply;
import id.rembug.bot.knowledge.ReplyButton;
import id.rembug.bot.knowledge.llm.GroundedAnswerer;
import id.rembug.bot.knowledge.llm.StageSummaryWriter;
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
 * <p>With a language model configured, asking and summarising call it here, inside the group's
 * turn; each call is bounded by {@code rembug.llm.timeout} and falls back to the deterministic
 * result.
 */
@Component
class KnowledgeHooks implements ConversationHook {

    private final KnowledgeAdvisor advisor;
    private final GroundedAnswerer answerer;
    private final StageSummaryWriter writer;
    private final PostedArticles posted;

    KnowledgeHooks(KnowledgeAdvisor advisor, GroundedAnswerer answerer, StageSummaryWriter writer,
                   PostedArticles posted) {
        this.advisor = advisor;
        this.answerer = answerer;
        this.writer = writer;
        this.posted = posted;
    }

    /** {@code /tanya}, {@code /baca}, and the "why this stage" and "read" buttons, in groups and private chats. */
    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        Language language = call.privateChat() ? Language.ID : call.state().language();
        if (call.inbound() instanceof Inbound.Message message && !message.edited()) {
            return command(message.text(), language).map(KnowledgeHooks::post);
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

    /** The reply to a typed knowledge command, or empty when the text is none. */
    Optional<Reply> command(String text, Language language) {
        return KnowledgeCommand.parse(text).map(parsed -> switch (parsed.command()) {
            case ASK -> answerer.answer(parsed.argument(), language).reply();
            case READ -> advisor.read(parsed.argument(), language);
        });
    }

    /** The button under a stage intro, when the knowledge base explains the stage. */
    Optional<OutButton> whyButton(String stageKey, Language language) {
        return advisor.hasStageArticle(stageKey)
                ? Optional.of(new OutButton(advisor.whyButtonLabel(language), new CallbackData.WhyStage(stageKey).encode()))
                : Optional.empty();
    }

    /**
     * For a stage whose first question is typed, where the message asks for a reply and so can
     * carry no button: the same offer as a line, "why this stage matters: /baca ...".
     */
    Optional<String> whyHint(String stageKey, Language language) {
        return advisor.stageArticleId(stageKey).map(id -> advisor.whyButtonLabel(language) + " /baca " + id);
    }

    /** What follows the engine's summary in the facilitator's message. */
    String facilitatorExtras(StageSummary summary, Language language) {
        List<String> parts = new ArrayList<>();
        parts.add(writer.present(writer.write(summary, language), language));
        parts.addAll(advisor.facilitatorNotes(summary, language));
        return String.join("\n\n", parts);
    }

    static List<List<OutButton>> rows(Reply reply) {
        List<List<OutButton>> rows = new ArrayList<>();
        for (ReplyButton button : reply.buttons()) {
            rows.add(List.of(new OutButton(button.label(), new CallbackData.ReadArticle(button.articleId()).encode())));
        }
        return rows;
    }
}
