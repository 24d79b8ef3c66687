package id.rembug.bot.conversation;

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
class KnowledgeHooks {

    private final KnowledgeAdvisor advisor;
    private final GroundedAnswerer answerer;
    private final StageSummaryWriter writer;

    KnowledgeHooks(KnowledgeAdvisor advisor, GroundedAnswerer answerer, StageSummaryWriter writer) {
        this.advisor = advisor;
        this.answerer = answerer;
        this.writer = writer;
    }

    /** The reply to a typed knowledge command, or empty when the text is none. */
    Optional<Reply> command(String text, Language language) {
        return KnowledgeCommand.parse(text).map(parsed -> switch (parsed.command()) {
            case ASK -> answerer.answer(parsed.argument(), language).reply();
            case READ -> advisor.read(parsed.argument(), language);
        });
    }

    Reply read(String articleId, Language language) {
        return advisor.read(articleId, language);
    }

    Reply whyStage(String stageKey, Language language) {
        return advisor.whyStage(stageKey, language);
    }

    /** The button under a stage intro, when the knowledge base explains the stage. */
    Optional<OutButton> whyButton(String stageKey, Language language) {
        return advisor.hasStageArticle(stageKey)
                ? Optional.of(new OutButton(advisor.whyButtonLabel(language), new CallbackData.WhyStage(stageKey).encode()))
                : Optional.empty();
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
