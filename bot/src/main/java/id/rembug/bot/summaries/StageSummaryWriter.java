package id.rembug.bot.summaries;

import id.rembug.bot.knowledge.llm.LlmClient;
import id.rembug.bot.knowledge.llm.LlmPrompts;
import id.rembug.bot.knowledge.llm.Source;
import id.rembug.bot.knowledge.llm.UntrustedData;
import id.rembug.bot.knowledge.KnowledgeText;
import id.rembug.bot.knowledge.KnowledgeTexts;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A short summary of a stage's answers for the facilitator's milestone message: written by the
 * language model when one is configured and answers well, otherwise (and always as the fallback)
 * the {@link ExtractiveSummary}. The result says which one the facilitator is reading.
 *
 * <p>Residents' names and answers go to the model only as JSON inside the untrusted data block
 * ({@link UntrustedData}); the instructions never contain them.
 */
public final class StageSummaryWriter {

    static final String TASK = "stage summary";
    /** 3-5 sentences fit easily; much more means the model rambled or echoed the data. */
    static final int MAX_LENGTH = 1500;

    /** The summary text and who wrote it. */
    public record Summary(String text, Source source) {
        public Summary {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(source, "source");
        }
    }

    /** What the model sees of one answer. */
    record AnswerData(String member, String prompt, String answer) {
    }

    /** What the model sees of the stage. */
    record StageData(String stage, List<AnswerData> answers) {
    }

    private final LlmClient llm;
    private final Flow flow;
    private final KnowledgeTexts texts;
    private final LlmPrompts prompts;
    private final ExtractiveSummary extractive;

    public StageSummaryWriter(LlmClient llm, Flow flow, KnowledgeTexts texts, LlmPrompts prompts) {
        this.llm = llm;
        this.flow = flow;
        this.texts = texts;
        this.prompts = prompts;
        this.extractive = new ExtractiveSummary(flow, texts);
    }

    /** The model's summary when it is on and answers usably; the deterministic one otherwise. */
    public Summary write(StageSummary summary, Language language) {
        StageData data = data(summary, language);
        if (!llm.enabled() || data.answers().isEmpty()) {
            return deterministic(summary, language);
        }
        UntrustedData.Block block = UntrustedData.of(data);
        String system = prompts.get(LlmPrompts.Key.SUMMARY_SYSTEM, Map.of(
                "language", LlmPrompts.languageName(language), "tag", block.tag()));
        String user = prompts.get(LlmPrompts.Key.SUMMARY_REQUEST, Map.of()) + "\n\n" + block.text();
        return llm.chat(TASK, system, user)
                .flatMap(text -> {
                    if (text.length() > MAX_LENGTH || text.contains(UntrustedData.BEGIN.strip())
                            || text.contains(UntrustedData.END.strip())) {
                        llm.unusable(TASK, "the answer was " + text.length() + " characters long or echoed the data");
                        return Optional.empty();
                    }
                    llm.usable(TASK);
                    return Optional.of(new Summary(text, Source.LLM));
                })
                .orElseGet(() -> deterministic(summary, language));
    }

    /** The summary we write ourselves: counts and residents' own words, no model. */
    public Summary deterministic(StageSummary summary, Language language) {
        return new Summary(extractive.write(summary, language), Source.DETERMINISTIC);
    }

    /** The summary under a heading that tells the facilitator who wrote it. */
    public String present(Summary summary, Language language) {
        KnowledgeText heading = summary.source() == Source.LLM
                ? KnowledgeText.SUMMARY_BY_MODEL : KnowledgeText.SUMMARY_BY_RULES;
        return texts.get(heading, language) + "\n" + summary.text();
    }

    private StageData data(StageSummary summary, Language language) {
        Stage stage = flow.stage(summary.stageKey()).orElse(null);
        List<AnswerData> answers = new ArrayList<>();
        for (StageSummary.PromptAnswers prompt : summary.prompts()) {
            for (Answer answer : prompt.answers()) {
                answers.add(new AnswerData(answer.shownName(""), prompt.text().in(language),
                        SummaryRenderer.display(stage, answer, language)));
            }
        }
        return new StageData(summary.title().in(language), answers);
    }
}
