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
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where conversations meet the knowledge base: answering {@code /tanya} and {@code /baca}, the
 * "why does this stage matter?" button, and what a facilitator's summary adds to the engine's own
 * (a written summary, a tip for the next stage, mediator and broker hints).
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

    KnowledgeHooks(KnowledgeAdvisor advisor, GroundedAnswerer answerer, StageSummaryWriter writer) {
        this.advisor = advisor;
        this.answerer = answerer;
        this.writer = writer;
    }

    /** {@code /tanya}, {@code /baca}, and the "why this stage" and "read" buttons, in groups and private chats. */
    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        Language language = call.privateChat() ? Language.ID : call.state().language();
        Optional<Reply> reply = Optional.empty();
        if (call.inbound() instanceof Inbound.Message message && !message.edited()) {
            reply = command(message.text(), language);
        } else if (call.inbound() instanceof Inbound.ButtonPressed pressed) {
            reply = CallbackData.decode(pressed.data()).flatMap(data -> {
                if (data instanceof CallbackData.WhyStage why) {
                    return Optional.of(advisor.whyStage(why.stageKey(), language));
                }
                if (data instanceof CallbackData.ReadArticle read) {
                    return Optional.of(advisor.read(read.articleId(), language));
                }
                return Optional.empty();
            });
        }
        return reply.map(r -> new HookAnswer(List.of(new HookText(r.text(), rows(r))), null));
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
