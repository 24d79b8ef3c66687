package id.rembug.bot.conversation;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.flow.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a group's record is kept, so that each thing is kept once and small:
 * <ul>
 *   <li>each answer of the open stage as compact JSON in the answers hash (field {@link Answer#key()});
 *   <li>once a stage's summary is stored, the summary holds that stage's answers and they leave the
 *       answers hash; the summary is stored deflated ({@link StateCodec#writeDeflated}: its answers,
 *       names and ids repeat a lot), without the stage's and its questions' texts, which the flow
 *       has and {@link #readSummary} puts back;
 *   <li>a finished group's state, which seldom changes, deflated too.
 * </ul>
 * Summaries and states stored before (plain JSON, texts in) and answers stored in the long form
 * still read.
 */
public final class GroupRecordCodec {

    private final StateCodec codec = new StateCodec();

    public String writeAnswer(Answer answer) {
        return codec.write(answer);
    }

    public Answer readAnswer(String stored) {
        return codec.read(stored, Answer.class);
    }

    /** A group's state as the commit writes it: deflated once the group finished its journey. */
    public String writeState(GroupState state) {
        return state.status() == GroupStatus.FINISHED ? codec.writeDeflated(state) : codec.write(state);
    }

    public String writeSummary(StageSummary summary) {
        return codec.writeDeflated(withoutFlowTexts(summary));
    }

    /** A stored summary, with the texts the flow has put back (those it was stored with, if any, are kept). */
    public StageSummary readSummary(String stored, Flow flow) {
        return withFlowTexts(codec.read(stored, StageSummary.class), flow);
    }

    /**
     * Every answer the group keeps: those its stored summaries hold, then the answers hash's (the
     * open stage's, and late ones not yet added to their summary), which replace any of the same key.
     *
     * @param answersHash the answers hash, field to stored answer
     * @param summaries   the stored stage summaries
     */
    public List<Answer> answers(Map<String, String> answersHash, Collection<String> summaries) {
        Map<String, Answer> byKey = new LinkedHashMap<>();
        for (String stored : summaries) {
            codec.read(stored, StageSummary.class).prompts()
                    .forEach(p -> p.answers().forEach(a -> byKey.put(a.key(), a)));
        }
        answersHash.forEach((key, stored) -> byKey.put(key, readAnswer(stored)));
        return new ArrayList<>(byKey.values());
    }

    private static StageSummary withoutFlowTexts(StageSummary s) {
        return new StageSummary(s.groupId(), s.stageKey(), s.phaseKey(), s.stageNumber(), s.stageCount(), null,
                s.round(), s.complete(), s.closedBy(),
                s.prompts().stream().map(p -> new StageSummary.PromptAnswers(p.promptKey(), p.kind(), null, p.answers()))
                        .toList(),
                s.participants(), s.quiet(),
                s.next() == null ? null : new StageSummary.NextStage(s.next().key(), null, null),
                s.at(), s.residents(), s.decisions());
    }

    private static StageSummary withFlowTexts(StageSummary s, Flow flow) {
        Optional<Stage> stage = flow.stage(s.stageKey());
        Optional<Stage> next = s.next() == null ? Optional.empty() : flow.stage(s.next().key());
        return new StageSummary(s.groupId(), s.stageKey(), s.phaseKey(), s.stageNumber(), s.stageCount(),
                orElse(s.title(), stage.map(Stage::title)), s.round(), s.complete(), s.closedBy(),
                s.prompts().stream().map(p -> new StageSummary.PromptAnswers(p.promptKey(), p.kind(),
                        orElse(p.text(), stage.flatMap(st -> st.prompt(p.promptKey())).map(Prompt::text)),
                        p.answers())).toList(),
                s.participants(), s.quiet(),
                s.next() == null ? null : new StageSummary.NextStage(s.next().key(),
                        orElse(s.next().title(), next.map(Stage::title)),
                        orElse(s.next().purpose(), next.map(Stage::purpose))),
                s.at(), s.residents(), s.decisions());
    }

    private static Text orElse(Text stored, Optional<Text> fromFlow) {
        return stored != null ? stored : fromFlow.orElse(null);
    }
}
