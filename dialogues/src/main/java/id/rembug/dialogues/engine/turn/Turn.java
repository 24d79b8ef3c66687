package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.Effect.AnswerButton;
import id.rembug.dialogues.engine.Effect.AskPrompt;
import id.rembug.dialogues.engine.Effect.ForgetMember;
import id.rembug.dialogues.engine.Effect.Say;
import id.rembug.dialogues.engine.Effect.ScheduleWakeUp;
import id.rembug.dialogues.engine.EngineSettings;
import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.Step;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalChecker;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One application of one event, shared by the handlers: the group's working copy, the time of the
 * event, the effects collected so far, and the few things every handler says or asks the same way.
 * What moves a stage on lives in {@link Stages}, what records an answer in {@link Answering}, the
 * counting in {@link Quorum}.
 */
public final class Turn {

    private final GroupState.Builder state;
    private final Instant at;
    private final Flow flow;
    private final Set<String> quoted;
    private final Messages messages;
    private final GoalChecker goalChecker;
    private final EngineSettings settings;
    private final List<Effect> effects = new ArrayList<>();
    /** The photo, voice note, place... of the answer this turn records; null for words or buttons. */
    private AnswerMedia media;

    /** Begins applying {@code event}: every event counts, and any but the clock's and a machine's is activity. */
    public Turn(GroupState state, Event event, Flow flow, Set<String> quoted, Messages messages,
                GoalChecker goalChecker, EngineSettings settings) {
        this.state = state.toBuilder();
        this.at = event.at();
        this.state.eventsApplied++;
        if (!(event instanceof Event.TimePassed || event instanceof Event.AnswerTranscribed)) {
            this.state.lastActivityAt = at;
        }
        this.flow = flow;
        this.quoted = quoted;
        this.messages = messages;
        this.goalChecker = goalChecker;
        this.settings = settings;
    }

    /** What the answer this turn records came as (a photo, a voice note...); null for words or a button. */
    public AnswerMedia media() {
        return media;
    }

    public void answeringWith(AnswerMedia answerMedia) {
        this.media = answerMedia;
    }

    /** The group as this turn leaves it, and what the application must do. */
    public Step result() {
        return new Step(state.build(), effects);
    }

    public GroupState.Builder state() {
        return state;
    }

    public Instant at() {
        return at;
    }

    /** Every {@code stage.prompt} some prompt of the flow quotes ({@link id.rembug.dialogues.flow.References#quotedIn}). */
    public Set<String> quoted() {
        return quoted;
    }

    public Flow flow() {
        return flow;
    }

    public Messages messages() {
        return messages;
    }

    public GoalChecker goalChecker() {
        return goalChecker;
    }

    public EngineSettings settings() {
        return settings;
    }

    public void emit(Effect effect) {
        effects.add(effect);
    }

    /** How many effects the turn has so far: lets a handler see whether a helper did anything. */
    public int effectCount() {
        return effects.size();
    }

    // ---- saying --------------------------------------------------------------------

    /** A text of ours to the group, replying to {@code replyToRef} when not null. */
    public void say(MessageKey key, Map<String, ?> values, String replyToRef) {
        sayWithButtons(key, values, List.of(), replyToRef);
    }

    public void sayWithButtons(MessageKey key, Map<String, ?> values, List<Button> buttons, String replyToRef) {
        effects.add(new Say(key.yamlKey(), text(key, values), buttons, replyToRef));
    }

    /** A toast to the one who pressed a button: the group is spared a message. */
    public void answerButton(MessageKey key, Map<String, ?> values) {
        effects.add(new AnswerButton(key.yamlKey(), text(key, values)));
    }

    /** One of our texts in the group's language. */
    public String text(MessageKey key) {
        return messages.get(key, state.language);
    }

    public String text(MessageKey key, Map<String, ?> values) {
        return messages.get(key, state.language, values);
    }

    /**
     * A notice, said at most once per stage: one about where the group stands (not started,
     * waiting for the facilitator, finished) once to the group, one about what a member may do
     * once to each member, as a reply. Every message the bot spends is one a question waits for.
     */
    public void notice(MessageKey key, Member member, Map<String, ?> values, String replyToRef) {
        boolean aboutTheGroup = key == MessageKey.NOT_STARTED || key == MessageKey.WAITING_FOR_FACILITATOR
                || key == MessageKey.ALREADY_FINISHED;
        String given = aboutTheGroup ? key.yamlKey() : key.yamlKey() + ":" + member.id();
        if (state.noticesGiven.add(given)) {
            say(key, values, replyToRef);
        }
    }

    // ---- asking --------------------------------------------------------------------

    /** Asks a prompt, its quotes of earlier answers and decisions ({@link Memory}) filled in. */
    public void ask(Stage stage, Prompt prompt) {
        if (prompt.privately()) {
            // a sensitive question: the group gets the invitation, each member answers in private
            effects.add(new AskPrompt(stage.key(), state.round, prompt.key(), prompt.kind(),
                    text(MessageKey.PRIVATE_PROMPT_INVITE, Map.of("question", questionText(stage, prompt))),
                    List.of(new Button(text(MessageKey.BUTTON_ANSWER_PRIVATELY),
                            new ButtonAction.AnswerPrivately(stage.key(), state.round, prompt.key())))));
            return;
        }
        effects.add(new AskPrompt(stage.key(), state.round, prompt.key(), prompt.kind(),
                questionText(stage, prompt) + MediaAnswers.hint(prompt, messages, state.language),
                promptButtons(stage, state.round, prompt)));
    }

    /** The prompt's text in the group's language, its quotes of earlier answers and decisions filled in. */
    public String questionText(Stage stage, Prompt prompt) {
        Map<String, String> quotes = Memory.values(prompt, stage, state.answers, state.memory,
                text(MessageKey.REFERENCE_MISSING), state.language);
        return prompt.text().in(state.language, quotes);
    }

    /** Asks again the question of the open stage asked last. */
    public void askAgain() {
        Stage stage = currentStage();
        ask(stage, stage.prompts().get(state.promptIndex));
    }

    public List<Button> promptButtons(Stage stage, int round, Prompt prompt) {
        if (prompt.kind() == PromptKind.CHOICE) {
            return prompt.choices().stream()
                    .map(c -> new Button(c.label().in(state.language),
                            new ButtonAction.Choose(stage.key(), round, prompt.key(), c.key())))
                    .toList();
        }
        if (prompt.kind() == PromptKind.SCALE) {
            List<Button> buttons = new ArrayList<>();
            for (int value = Prompt.SCALE_MIN; value <= Prompt.SCALE_MAX; value++) {
                buttons.add(new Button(Integer.toString(value),
                        new ButtonAction.Choose(stage.key(), round, prompt.key(), Integer.toString(value))));
            }
            return buttons;
        }
        return List.of();
    }

    // ---- the open stage ------------------------------------------------------------

    public Stage currentStage() {
        return flow.stage(state.stageIndex);
    }

    /** The open stage as a button names it: {@code stage:round}. */
    public String stageRef() {
        return currentStage().key() + ":" + state.round;
    }

    /** Where the group stands, for the status texts: {@code number}, {@code total}, {@code title}. */
    public Map<String, Object> stageValues() {
        return Map.of("number", state.stageIndex + 1, "total", flow.stageCount(),
                "title", currentStage().title().in(state.language));
    }

    // ---- members -------------------------------------------------------------------

    /** The member as seen now: present, with the name they have now. */
    public Member remember(Member member) {
        Member present = new Member(member.id(), member.name(), true);
        state.members.put(member.id(), present);
        return present;
    }

    public boolean isFacilitator(String memberId) {
        return state.facilitatorId != null && state.facilitatorId.equals(memberId);
    }

    public String facilitatorName() {
        return state.facilitatorId == null ? "" : memberOf(state.facilitatorId).name();
    }

    /** A member by id: as known, else by the name their answers carry, else by the id. */
    public Member memberOf(String memberId) {
        Member known = state.members.get(memberId);
        if (known != null) {
            return known;
        }
        return state.answers.stream().filter(a -> a.memberId().equals(memberId)).findFirst()
                .map(a -> new Member(memberId, a.memberName(), false))
                .orElse(Member.of(memberId, memberId));
    }

    /**
     * Everything the state holds about the member goes: answers (also late ones), notices and
     * feedback given to them, their name. A facilitator stays one (the group needs them), by id.
     */
    public void forget(String memberId) {
        Planning.of(this).forget(memberId);
        state.pendingDeletions.remove(memberId);
        state.answers.removeIf(a -> a.memberId().equals(memberId));
        state.lateAnswers.removeIf(a -> a.memberId().equals(memberId));
        state.goalFeedbackGiven.removeIf(k -> k.startsWith(memberId + ":"));
        state.noticesGiven.removeIf(k -> k.endsWith(":" + memberId));
        new Decisions(this).forget(memberId);
        if (!isFacilitator(memberId)) {
            state.members.remove(memberId);
        }
        effects.add(new ForgetMember(memberId));
    }

    // ---- time ----------------------------------------------------------------------

    /** During quiet hours nothing is sent; the group is woken again when they end. */
    public boolean deferredForQuietHours() {
        ZonedDateTime local = at.atZone(ZoneId.of(state.zoneId));
        if (!QuietHours.contains(settings.quietHoursStart(), settings.quietHoursEnd(), local.toLocalTime())) {
            return false;
        }
        effects.add(new ScheduleWakeUp(QuietHours.nextEnd(settings.quietHoursEnd(), local).toInstant()));
        return true;
    }
}
