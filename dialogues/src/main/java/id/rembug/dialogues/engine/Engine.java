package id.rembug.dialogues.engine;

import id.rembug.dialogues.engine.Effect.Acknowledge;
import id.rembug.dialogues.engine.Effect.AnswerButton;
import id.rembug.dialogues.engine.Effect.AnswerRecorded;
import id.rembug.dialogues.engine.Effect.AskPrompt;
import id.rembug.dialogues.engine.Effect.ForgetMember;
import id.rembug.dialogues.engine.Effect.GoalFeedback;
import id.rembug.dialogues.engine.Effect.LateAnswersReached;
import id.rembug.dialogues.engine.Effect.MilestoneReached;
import id.rembug.dialogues.engine.Effect.NudgeQuietMembers;
import id.rembug.dialogues.engine.Effect.Say;
import id.rembug.dialogues.engine.Effect.ScheduleWakeUp;
import id.rembug.dialogues.engine.Effect.SummaryRequested;
import id.rembug.dialogues.engine.Event.AnswerEdited;
import id.rembug.dialogues.engine.Event.BotAdded;
import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.Event.FacilitatorAssigned;
import id.rembug.dialogues.engine.Event.GroupSizeReported;
import id.rembug.dialogues.engine.Event.MemberAnswered;
import id.rembug.dialogues.engine.Event.MemberJoined;
import id.rembug.dialogues.engine.Event.MemberErased;
import id.rembug.dialogues.engine.Event.MemberLeft;
import id.rembug.dialogues.engine.Event.OptionChosen;
import id.rembug.dialogues.engine.Event.TimePassed;
import id.rembug.dialogues.engine.StageSummary.ClosedBy;
import id.rembug.dialogues.flow.AutoAdvance;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.GoalChecker;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The conversation engine: a pure function from a group's state and one event to the new state
 * and the effects the application must carry out. No I/O, no clock, no randomness; the same
 * input always gives the same output, which is what makes every behaviour testable in
 * microseconds and replayable after a crash.
 */
public final class Engine {

    private final Flow flow;
    private final Messages messages;
    private final GoalChecker goalChecker;
    private final EngineSettings settings;
    private final SummaryRenderer renderer;

    public Engine(Flow flow, Messages messages, GoalChecker goalChecker, EngineSettings settings) {
        this.flow = Objects.requireNonNull(flow, "flow");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.goalChecker = Objects.requireNonNull(goalChecker, "goalChecker");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.renderer = new SummaryRenderer(flow, messages);
    }

    public Flow flow() {
        return flow;
    }

    public Messages messages() {
        return messages;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** The state of a group the engine has not seen before. */
    public GroupState newGroup(String groupId) {
        return GroupState.fresh(groupId, settings.defaultLanguage(), settings.defaultZone().getId());
    }

    public Step step(GroupState state, Event event) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
        Turn turn = new Turn(state.toBuilder(), event.at());
        turn.apply(event);
        return new Step(turn.s.build(), turn.effects);
    }

    /** What keeping an answer in a list did. */
    private enum Kept { NEW, CORRECTED, SAME }

    /** The suffix a confirmation's button adds to the stage it was made for: pressing it is the yes. */
    private static final String CONFIRMED = ":yes";

    /** One application of one event: the mutable working copy and the effects collected so far. */
    private final class Turn {
        private final GroupState.Builder s;
        private final Instant at;
        private final List<Effect> effects = new ArrayList<>();
        /** The photo, voice note, place... of the answer this turn records; null for words or buttons. */
        private AnswerMedia media;

        private Turn(GroupState.Builder s, Instant at) {
            this.s = s;
            this.at = at;
        }

        void apply(Event event) {
            s.eventsApplied++;
            if (!(event instanceof TimePassed)) {
                s.lastActivityAt = at;
            }
            if (event instanceof BotAdded e) {
                remember(e.addedBy());
                say(MessageKey.BOT_ADDED, Map.of(), null);
            } else if (event instanceof MemberJoined e) {
                remember(e.member());
            } else if (event instanceof MemberLeft e) {
                Member known = s.members.get(e.memberId());
                if (known != null) {
                    s.members.put(known.id(), known.leaving());
                }
                if (isFacilitator(e.memberId())) {
                    // the role, with the summaries and the dashboard, is theirs only while they are in the group
                    String name = facilitatorName();
                    s.facilitatorId = null;
                    say(MessageKey.FACILITATOR_LEFT, Map.of("name", name), null);
                }
                s.pendingDeletions.remove(e.memberId());
                progressIfQuorum();
            } else if (event instanceof FacilitatorAssigned e) {
                assigned(e);
            } else if (event instanceof MemberErased e) {
                forget(e.memberId());
                progressIfQuorum();
            } else if (event instanceof GroupSizeReported e) {
                s.reportedSize = Math.max(0, e.people());
                progressIfQuorum();
            } else if (event instanceof MemberAnswered e) {
                remember(e.member());
                answerTyped(s.members.get(e.member().id()), e);
            } else if (event instanceof AnswerEdited e) {
                remember(e.member());
                answerEdited(s.members.get(e.member().id()), e.messageRef(), e.text());
            } else if (event instanceof OptionChosen e) {
                remember(e.member());
                optionChosen(s.members.get(e.member().id()), e);
            } else if (event instanceof CommandIssued e) {
                remember(e.member());
                command(s.members.get(e.member().id()), e);
            } else if (event instanceof TimePassed) {
                timePassed();
            }
        }

        // ---- notices -------------------------------------------------------------------

        /**
         * A notice, said at most once per stage: one about where the group stands (not started,
         * waiting for the facilitator, finished) once to the group, one about what a member may do
         * once to each member, as a reply. Every message the bot spends is one a question waits for.
         */
        private void notice(MessageKey key, Member member, Map<String, ?> values, String replyToRef) {
            boolean aboutTheGroup = key == MessageKey.NOT_STARTED || key == MessageKey.WAITING_FOR_FACILITATOR
                    || key == MessageKey.ALREADY_FINISHED;
            String given = aboutTheGroup ? key.yamlKey() : key.yamlKey() + ":" + member.id();
            if (s.noticesGiven.add(given)) {
                say(key, values, replyToRef);
            }
        }

        // ---- members -------------------------------------------------------------------

        private void remember(Member member) {
            s.members.put(member.id(), new Member(member.id(), member.name(), true));
        }

        // ---- answers -------------------------------------------------------------------

        private void answerTyped(Member member, MemberAnswered e) {
            String messageRef = e.messageRef();
            media = e.media();
            if (s.status == GroupStatus.NEW) {
                notice(MessageKey.NOT_STARTED, member, Map.of(), messageRef);
                return;
            }
            Stage stage = currentStage();
            boolean toOpenStage = e.stageKey() == null
                    || e.stageKey().equals(stage.key()) && (e.round() == 0 || e.round() == s.round);
            if (!toOpenStage) {
                answerToEarlierStage(member, e);
                return;
            }
            if (!stageTakesAnswers()) {
                Prompt prompt = e.promptKey() == null ? null : stage.prompt(e.promptKey()).orElse(null);
                if (prompt == null) {
                    // a reply to one of our messages that asked nothing: no answer to record
                    notice(s.status == GroupStatus.FINISHED ? MessageKey.ALREADY_FINISHED
                            : MessageKey.WAITING_FOR_FACILITATOR, member, Map.of("name", facilitatorName()), messageRef);
                    return;
                }
                // a reply to a question of the stage that was just summarised: late, never refused
                String answer = acceptable(member, messageRef, prompt, e.text());
                if (answer != null) {
                    recordTyped(member, messageRef, stage, s.round, prompt, answer, true);
                }
                return;
            }
            int index = e.promptKey() == null ? s.promptIndex : stage.indexOf(e.promptKey());
            Prompt prompt = stage.prompts().get(index < 0 ? s.promptIndex : Math.min(index, s.promptIndex));
            String answer = acceptable(member, messageRef, prompt, e.text());
            if (answer != null) {
                recordTyped(member, messageRef, stage, s.round, prompt, answer, false);
            }
        }

        /**
         * Whether the open stage still takes answers as part of its summary: while it is open
         * (also when paused from there), until its summary went to the facilitator.
         */
        private boolean stageTakesAnswers() {
            return s.status == GroupStatus.ACTIVE || s.status == GroupStatus.PAUSED && s.pausedFrom == GroupStatus.ACTIVE;
        }

        /** A reply to a question of a stage (or round) the group already left: recorded as late. */
        private void answerToEarlierStage(Member member, MemberAnswered e) {
            Stage earlier = flow.stage(e.stageKey()).orElse(null);
            int earlierIndex = earlier == null ? -1 : flow.indexOf(earlier.key());
            boolean passed = earlier != null && (earlierIndex < s.stageIndex
                    || earlierIndex == s.stageIndex && e.round() > 0 && e.round() < s.round);
            Prompt prompt = earlier == null || e.promptKey() == null ? null : earlier.prompt(e.promptKey()).orElse(null);
            if (!passed || prompt == null) {
                // not a question we know (a changed flow): the question asked last is what they saw
                answerTyped(member, new MemberAnswered(e.at(), e.member(), e.messageRef(), null, 0, null, e.text(),
                        e.media()));
                return;
            }
            String answer = acceptable(member, e.messageRef(), prompt, e.text());
            if (answer != null) {
                recordTyped(member, e.messageRef(), earlier, e.round() == 0 ? 1 : e.round(), prompt, answer, true);
            }
        }

        /**
         * What a message answers {@code prompt} with: its words, or for a photo, voice note, place...
         * its caption (maybe empty); null when the prompt does not take that media (the member is
         * told once what it needs) or the words are empty or too long.
         */
        private String acceptable(Member member, String messageRef, Prompt prompt, String text) {
            if (media == null) {
                return acceptableText(member, messageRef, text);
            }
            MessageKey refusal = MediaAnswers.refusal(prompt, media);
            if (refusal != null) {
                if (s.noticesGiven.add(refusal.yamlKey() + ":" + prompt.key() + ":" + member.id())) {
                    effects.add(new Say(refusal.yamlKey(), MediaAnswers.refusalText(refusal, prompt, messages,
                            s.language, member.name()), List.of(), messageRef));
                }
                return null;
            }
            String caption = text == null ? "" : text.strip();
            return caption.isEmpty() ? caption : acceptableText(member, messageRef, caption);
        }

        /** The answer stripped, or null when it is empty or too long (the member is told why). */
        private String acceptableText(Member member, String messageRef, String text) {
            String trimmed = text == null ? "" : text.strip();
            if (trimmed.isEmpty()) {
                return null;
            }
            if (trimmed.length() > settings.maxAnswerLength()) {
                say(MessageKey.ANSWER_TOO_LONG, Map.of("name", member.name(), "length", trimmed.length(),
                        "max", settings.maxAnswerLength()), messageRef);
                return null;
            }
            return trimmed;
        }

        private void recordTyped(Member member, String messageRef, Stage stage, int round, Prompt prompt, String text,
                                 boolean late) {
            switch (prompt.kind()) {
                case TEXT -> record(member, messageRef, stage, round, prompt, text, List.of(), null, late);
                case LIST -> record(member, messageRef, stage, round, prompt, text, AnswerParsing.listItems(text), null,
                        late);
                case GOAL -> record(member, messageRef, stage, round, prompt, text, List.of(), goalChecker.assess(text),
                        late);
                case CHOICE -> {
                    String choiceKey = AnswerParsing.choiceKey(prompt, text);
                    if (choiceKey == null) {
                        effects.add(new Say(MessageKey.CHOICE_INVALID.yamlKey(),
                                messages.get(MessageKey.CHOICE_INVALID, s.language, Map.of("name", member.name())),
                                promptButtons(stage, round, prompt), messageRef));
                    } else {
                        record(member, messageRef, stage, round, prompt, choiceKey, List.of(), null, late);
                    }
                }
                case SCALE -> {
                    Integer value = AnswerParsing.scaleValue(text);
                    if (value == null) {
                        effects.add(new Say(MessageKey.SCALE_INVALID.yamlKey(),
                                messages.get(MessageKey.SCALE_INVALID, s.language, Map.of("name", member.name())),
                                promptButtons(stage, round, prompt), messageRef));
                    } else {
                        record(member, messageRef, stage, round, prompt, Integer.toString(value), List.of(), null, late);
                    }
                }
            }
        }

        private void answerEdited(Member member, String messageRef, String text) {
            if (messageRef == null || s.status == GroupStatus.NEW) {
                return;
            }
            Answer earlier = s.answers.stream()
                    .filter(a -> a.memberId().equals(member.id()) && messageRef.equals(a.messageRef()))
                    .findFirst().orElse(null);
            if (earlier == null) {
                return;
            }
            // a photo's caption edited: the same photo with the new caption
            media = earlier.media() == null ? null : earlier.media().withCaption(text == null ? null : text.strip());
            String answer = media == null ? acceptableText(member, messageRef, text)
                    : text == null || text.isBlank() ? "" : acceptableText(member, messageRef, text);
            if (answer == null) {
                return;
            }
            Stage stage = currentStage();
            // an edit after the summary went out is a late correction, which reaches the facilitator too
            boolean late = !stageTakesAnswers();
            stage.prompt(earlier.promptKey())
                    .ifPresent(prompt -> recordTyped(member, messageRef, stage, s.round, prompt, answer, late));
        }

        private void optionChosen(Member member, OptionChosen e) {
            if (s.status == GroupStatus.NEW) {
                notice(MessageKey.NOT_STARTED, member, Map.of(), e.messageRef());
                return;
            }
            Stage stage = flow.stage(e.stageKey()).orElse(null);
            Prompt prompt = stage == null ? null : stage.prompt(e.promptKey()).orElse(null);
            if (prompt == null) {
                return;
            }
            int stageIndex = flow.indexOf(stage.key());
            boolean openStage = stageIndex == s.stageIndex && s.round == e.round();
            boolean passed = stageIndex < s.stageIndex || stageIndex == s.stageIndex && e.round() < s.round;
            if (!openStage && !passed || openStage && stage.indexOf(prompt.key()) > s.promptIndex) {
                return; // a button of a question not asked yet: forged, or from a changed flow
            }
            boolean valid = switch (prompt.kind()) {
                case CHOICE -> prompt.choice(e.value()).isPresent();
                case SCALE -> AnswerParsing.scaleValue(e.value()) != null;
                default -> false;
            };
            if (valid) {
                record(member, e.messageRef(), stage, e.round(), prompt, e.value(), List.of(), null,
                        !openStage || !stageTakesAnswers());
            }
        }

        /**
         * Stores an answer. One of the open stage counts towards its quorum; a late one (its stage
         * was summarised already) waits to reach the facilitator with the others of its kind.
         */
        private void record(Member member, String messageRef, Stage stage, int round, Prompt prompt, String value,
                            List<String> items, GoalAssessment goal, boolean late) {
            Answer answer = new Answer(stage.key(), round, prompt.key(), prompt.kind(), member.id(), member.name(),
                    messageRef, value, items, goal, at, late, media);
            boolean ofOpenStage = stage.key().equals(currentStage().key()) && round == s.round;
            boolean corrected = false;
            if (ofOpenStage) {
                Kept kept = keep(s.answers, answer);
                if (kept == Kept.SAME) {
                    return;
                }
                corrected = kept == Kept.CORRECTED;
            }
            if (late) {
                boolean firstPending = s.lateAnswers.isEmpty();
                Kept kept = keep(s.lateAnswers, answer);
                if (kept == Kept.SAME) {
                    return;
                }
                corrected |= kept == Kept.CORRECTED;
                if (firstPending) {
                    effects.add(new ScheduleWakeUp(at.plus(settings.latecomerGrace())));
                }
            }
            effects.add(new AnswerRecorded(answer, corrected));

            int quorum = effectiveQuorum(stage);
            int answered = ofOpenStage ? answerers(prompt.key()).size() : 0;
            int residents = knownResidents();
            MessageKey ackKey = corrected ? MessageKey.ACK_CORRECTED
                    : goal != null && goal.isComplete() ? MessageKey.GOAL_GOOD : MessageKey.ACK;
            String progress = !ofOpenStage ? null : residents > 0
                    ? messages.get(MessageKey.PROGRESS, s.language,
                    Map.of("answered", answered, "residents", Math.max(residents, answered)))
                    : messages.get(MessageKey.PROGRESS_COUNT, s.language, Map.of("answered", answered));
            effects.add(new Acknowledge(member.id(), member.name(), messageRef, stage.key(), round, prompt.key(),
                    answered, quorum, corrected, messages.get(ackKey, s.language,
                    Map.of("name", member.name(), "answered", Math.min(answered, quorum), "quorum", quorum)),
                    progress));

            if (!late && goal != null && !goal.isComplete()
                    && s.goalFeedbackGiven.add(member.id() + ":" + prompt.key())) {
                String missing = GoalTexts.feedbackLines(goal, messages, s.language).stream()
                        .map(line -> "\n• " + line)
                        .collect(Collectors.joining());
                effects.add(new GoalFeedback(member.id(), member.name(), messageRef, goal,
                        messages.get(MessageKey.GOAL_FEEDBACK, s.language,
                                Map.of("name", member.name(), "missing", missing))));
            }
            if (ofOpenStage && !late) {
                progressIfQuorum();
            }
        }

        /**
         * Puts the answer in the list: new, or correcting the member's earlier answer with the same
         * key, or not at all when that one already says the same.
         */
        private Kept keep(List<Answer> answers, Answer answer) {
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).key().equals(answer.key())) {
                    if (sameContent(answers.get(i), answer)) {
                        return Kept.SAME;
                    }
                    answers.set(i, answer);
                    return Kept.CORRECTED;
                }
            }
            answers.add(answer);
            return Kept.NEW;
        }

        /**
         * Residents the group is known to have: those the bot has seen, or the channel's count
         * when it is larger (under Telegram's privacy mode the bot does not see everyone); 0 when
         * the bot knows of nobody.
         */
        private int knownResidents() {
            int seen = (int) s.members.values().stream().filter(m -> m.present() && !isFacilitator(m.id())).count();
            return Math.max(seen, reportedResidents());
        }

        /** Residents by the channel's count of the group; 0 when it never counted. */
        private int reportedResidents() {
            return s.reportedSize == null ? 0 : Math.max(0, s.reportedSize - (s.facilitatorId == null ? 0 : 1));
        }

        private boolean sameContent(Answer a, Answer b) {
            return a.value().equals(b.value()) && a.items().equals(b.items())
                    && Objects.equals(a.messageRef(), b.messageRef());
        }

        /** Distinct residents who answered the prompt in this round; the facilitator does not count. */
        private Set<String> answerers(String promptKey) {
            Set<String> ids = new LinkedHashSet<>();
            for (Answer answer : s.answers) {
                if (answer.promptKey().equals(promptKey) && !isFacilitator(answer.memberId())) {
                    ids.add(answer.memberId());
                }
            }
            return ids;
        }

        private int effectiveQuorum(Stage stage) {
            if (s.reportedSize == null) {
                return stage.quorum();
            }
            int residents = s.reportedSize - (s.facilitatorId == null ? 0 : 1);
            return Math.max(1, Math.min(stage.quorum(), residents));
        }

        /**
         * Moves the group on while the prompt asked last has its quorum. Quorum makes the group
         * ready; it closes nothing: every asked question of the open stage keeps taking answers.
         * After the last question the stage is ready, and its summary waits a short grace for the
         * slower members (or until everyone known has answered everything).
         */
        private void progressIfQuorum() {
            if (s.status != GroupStatus.ACTIVE) {
                return;
            }
            Stage stage = currentStage();
            if (s.readyAt != null) {
                if (everyoneAnsweredEverything(stage) && lastPromptHasQuorum()) {
                    completeStage(ClosedBy.QUORUM, false);
                }
                return;
            }
            Prompt prompt = stage.prompts().get(s.promptIndex);
            if (answerers(prompt.key()).size() < effectiveQuorum(stage)) {
                return;
            }
            if (s.promptIndex < stage.prompts().size() - 1) {
                s.promptIndex++;
                ask(stage, stage.prompts().get(s.promptIndex));
                return;
            }
            s.readyAt = at;
            if (settings.latecomerGrace().isZero() || everyoneAnsweredEverything(stage)) {
                completeStage(ClosedBy.QUORUM, false);
            } else {
                effects.add(new ScheduleWakeUp(at.plus(settings.latecomerGrace())));
            }
        }

        private boolean lastPromptHasQuorum() {
            Stage stage = currentStage();
            return answerers(stage.prompts().get(stage.prompts().size() - 1).key()).size() >= effectiveQuorum(stage);
        }

        /** Every resident the group is known to have answered every question of the stage. */
        private boolean everyoneAnsweredEverything(Stage stage) {
            int residents = knownResidents();
            if (residents == 0) {
                return false;
            }
            for (Prompt prompt : stage.prompts()) {
                if (answerers(prompt.key()).size() < residents) {
                    return false;
                }
            }
            return true;
        }

        // ---- stages --------------------------------------------------------------------

        private Stage currentStage() {
            return flow.stage(s.stageIndex);
        }

        private void openStage(int index, int round) {
            Stage stage = flow.stage(index);
            s.stageIndex = index;
            s.round = round;
            s.promptIndex = 0;
            s.answers.clear();
            s.nudged = false;
            s.goalFeedbackGiven.clear();
            s.noticesGiven.clear();
            s.stageOpenedAt = at;
            s.awaitingSince = null;
            s.readyAt = null;
            s.status = GroupStatus.ACTIVE;
            s.pausedFrom = null;
            say(MessageKey.STAGE_INTRO, Map.of(
                    "number", index + 1,
                    "total", flow.stageCount(),
                    "phase", flow.phase(stage.phaseKey()).map(p -> p.title().in(s.language)).orElse(""),
                    "title", stage.title().in(s.language),
                    "intro", stage.intro().in(s.language)), null);
            ask(stage, stage.prompts().get(0));
            effects.add(new ScheduleWakeUp(at.plus(settings.nudgeAfter())));
        }

        private void ask(Stage stage, Prompt prompt) {
            effects.add(new AskPrompt(stage.key(), s.round, prompt.key(), prompt.kind(),
                    prompt.text().in(s.language) + MediaAnswers.hint(prompt, messages, s.language),
                    promptButtons(stage, s.round, prompt)));
        }

        private List<Button> promptButtons(Stage stage, int round, Prompt prompt) {
            if (prompt.kind() == PromptKind.CHOICE) {
                return prompt.choices().stream()
                        .map(c -> new Button(c.label().in(s.language),
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

        /**
         * The stage's milestone: its summary goes to the facilitator, once. The group then waits
         * for the facilitator, or goes on at once when {@code moveOn} (the facilitator said so) or
         * when it has no facilitator.
         */
        private void completeStage(ClosedBy closedBy, boolean moveOn) {
            Stage stage = currentStage();
            StageSummary summary = summary(true, closedBy);
            say(MessageKey.STAGE_CLOSING, Map.of("title", stage.title().in(s.language),
                    "closing", stage.closing().in(s.language)), null);
            effects.add(new MilestoneReached(summary, facilitatorButtons()));
            s.milestones++;
            s.readyAt = null;
            boolean last = s.stageIndex == flow.stageCount() - 1;
            if (last) {
                s.status = GroupStatus.FINISHED;
                s.pausedFrom = null;
                say(MessageKey.FINISHED, Map.of(), null);
            } else if (moveOn || s.facilitatorId == null) {
                openStage(s.stageIndex + 1, 1);
            } else {
                s.status = GroupStatus.AWAITING_FACILITATOR;
                s.awaitingSince = at;
                say(MessageKey.WAITING_FOR_FACILITATOR, Map.of("name", facilitatorName()), null);
                s.noticesGiven.add(MessageKey.WAITING_FOR_FACILITATOR.yamlKey());
                if (autoAdvanceAfter(stage) != null) {
                    effects.add(new ScheduleWakeUp(at.plus(autoAdvanceAfter(stage))));
                }
            }
        }

        /** The buttons under a summary, each naming the stage it was made for. */
        private List<Button> facilitatorButtons() {
            String made = stageRef();
            return List.of(
                    new Button(messages.get(MessageKey.BUTTON_ADVANCE, s.language), new ButtonAction.Run(Command.ADVANCE, made)),
                    new Button(messages.get(MessageKey.BUTTON_REPEAT, s.language), new ButtonAction.Run(Command.REPEAT, made)),
                    new Button(messages.get(MessageKey.BUTTON_PAUSE, s.language), new ButtonAction.Run(Command.PAUSE, made)));
        }

        /** The open stage as a button names it: {@code stage:round}. */
        private String stageRef() {
            return currentStage().key() + ":" + s.round;
        }

        private StageSummary summary(boolean complete, ClosedBy closedBy) {
            Stage stage = currentStage();
            List<StageSummary.PromptAnswers> prompts = new ArrayList<>();
            for (Prompt prompt : stage.prompts()) {
                prompts.add(new StageSummary.PromptAnswers(prompt.key(), prompt.kind(), prompt.text(),
                        s.answers.stream().filter(a -> a.promptKey().equals(prompt.key())).toList()));
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Answer answer : s.answers) {
                if (!isFacilitator(answer.memberId())) {
                    counts.merge(answer.memberId(), 1, Integer::sum);
                }
            }
            List<StageSummary.Participation> participants = counts.entrySet().stream()
                    .map(e -> new StageSummary.Participation(memberOf(e.getKey()), e.getValue()))
                    .toList();
            List<Member> quiet = quietResidents();
            StageSummary.NextStage next = null;
            if (s.stageIndex + 1 < flow.stageCount()) {
                Stage following = flow.stage(s.stageIndex + 1);
                next = new StageSummary.NextStage(following.key(), following.title(), following.purpose());
            }
            return new StageSummary(s.groupId, stage.key(), stage.phaseKey(), s.stageIndex + 1, flow.stageCount(),
                    stage.title(), s.round, complete, closedBy, prompts, participants, quiet, next, at,
                    reportedResidents());
        }

        private Member memberOf(String memberId) {
            Member known = s.members.get(memberId);
            if (known != null) {
                return known;
            }
            return s.answers.stream().filter(a -> a.memberId().equals(memberId)).findFirst()
                    .map(a -> new Member(memberId, a.memberName(), false))
                    .orElse(Member.of(memberId, memberId));
        }

        private List<Member> quietResidents() {
            Set<String> spoke = s.answers.stream().map(Answer::memberId).collect(Collectors.toSet());
            return s.members.values().stream()
                    .filter(m -> m.present() && !isFacilitator(m.id()) && !spoke.contains(m.id()))
                    .toList();
        }

        private boolean isFacilitator(String memberId) {
            return s.facilitatorId != null && s.facilitatorId.equals(memberId);
        }

        private String facilitatorName() {
            return s.facilitatorId == null ? "" : memberOf(s.facilitatorId).name();
        }

        // ---- time ----------------------------------------------------------------------

        private void timePassed() {
            lateAnswersDue();
            if (s.status == GroupStatus.ACTIVE && s.readyAt != null
                    && !at.isBefore(s.readyAt.plus(settings.latecomerGrace()))) {
                if (lastPromptHasQuorum()) {
                    completeStage(ClosedBy.QUORUM, false);
                } else {
                    s.readyAt = null; // an answer was deleted or the quorum grew: not ready after all
                }
            } else if (s.status == GroupStatus.ACTIVE && !s.nudged && s.stageOpenedAt != null
                    && !at.isBefore(s.stageOpenedAt.plus(settings.nudgeAfter()))) {
                if (deferredForQuietHours()) {
                    return;
                }
                s.nudged = true;
                List<Member> quiet = quietResidents();
                if (!quiet.isEmpty()) {
                    String names = quiet.stream().map(Member::name).collect(Collectors.joining(", "));
                    effects.add(new NudgeQuietMembers(currentStage().key(), quiet,
                            messages.get(MessageKey.NUDGE, s.language, Map.of("names", names))));
                }
            } else if (s.status == GroupStatus.AWAITING_FACILITATOR && autoAdvanceAfter(currentStage()) != null
                    && s.awaitingSince != null && !at.isBefore(s.awaitingSince.plus(autoAdvanceAfter(currentStage())))) {
                if (deferredForQuietHours()) {
                    return;
                }
                say(MessageKey.AUTO_ADVANCED, Map.of(), null);
                openStage(s.stageIndex + 1, 1);
            }
        }

        /**
         * Late answers gathered for a grace since the first of them go to the facilitator together,
         * one addendum per stage: each late answer reaches them once. A private message, so quiet
         * hours do not hold it back.
         */
        private void lateAnswersDue() {
            if (s.lateAnswers.isEmpty() || at.isBefore(s.lateAnswers.get(0).answeredAt().plus(settings.latecomerGrace()))) {
                return;
            }
            Map<String, List<Answer>> byStage = new LinkedHashMap<>();
            for (Answer answer : s.lateAnswers) {
                byStage.computeIfAbsent(answer.stageKey() + ":" + answer.round(), k -> new ArrayList<>()).add(answer);
            }
            s.lateAnswers.clear();
            byStage.values().forEach(answers -> {
                Answer first = answers.get(0);
                effects.add(new LateAnswersReached(first.stageKey(), first.round(), answers, addendum(answers)));
            });
        }

        private String addendum(List<Answer> answers) {
            Stage stage = flow.stage(answers.get(0).stageKey()).orElseThrow();
            StringBuilder text = new StringBuilder(messages.get(MessageKey.LATE_HEADING, s.language, Map.of(
                    "number", flow.indexOf(stage.key()) + 1, "total", flow.stageCount(),
                    "title", stage.title().in(s.language))));
            for (Prompt prompt : stage.prompts()) {
                List<Answer> toPrompt = answers.stream().filter(a -> a.promptKey().equals(prompt.key())).toList();
                if (toPrompt.isEmpty()) {
                    continue;
                }
                text.append("\n\n❓ ").append(prompt.text().in(s.language));
                for (Answer answer : toPrompt) {
                    text.append("\n• ").append(renderer.answerLine(stage, answer, s.language));
                }
            }
            return text.toString();
        }

        /**
         * How long the completed {@code stage} waits for the facilitator: its pace from the flow
         * (weeks of real work in the development phase: never), else the engine's setting; null
         * when only the facilitator moves the group on.
         */
        private Duration autoAdvanceAfter(Stage stage) {
            AutoAdvance pace = stage.autoAdvance();
            if (pace instanceof AutoAdvance.After after) {
                return after.delay();
            }
            return pace instanceof AutoAdvance.Never ? null : settings.autoAdvanceAfter();
        }

        /** During quiet hours nothing is sent; the group is woken again when they end. */
        private boolean deferredForQuietHours() {
            ZoneId zone = ZoneId.of(s.zoneId);
            ZonedDateTime local = at.atZone(zone);
            if (!QuietHours.contains(settings.quietHoursStart(), settings.quietHoursEnd(), local.toLocalTime())) {
                return false;
            }
            effects.add(new ScheduleWakeUp(QuietHours.nextEnd(settings.quietHoursEnd(), local).toInstant()));
            return true;
        }

        // ---- commands ------------------------------------------------------------------

        private void command(Member member, CommandIssued e) {
            Command command = e.command();
            String ref = e.messageRef();
            if (command.facilitatorOnly() && !member.id().equals(s.facilitatorId)) {
                MessageKey key = s.facilitatorId == null ? MessageKey.NO_FACILITATOR_YET : MessageKey.ONLY_FACILITATOR;
                Map<String, Object> values = Map.of("name", member.name(), "command", command.slashName());
                if (e.pressed()) {
                    answerButton(key, values);
                } else {
                    notice(key, member, values, ref);
                }
                return;
            }
            if (e.pressed() && stale(command, e.argument())) {
                return;
            }
            switch (command) {
                case START -> start(ref);
                case CLAIM_FACILITATOR -> claim(member, ref);
                case STATUS -> status(ref);
                case ADVANCE -> advance(member, ref, e.argument());
                case CANCEL_ADVANCE -> answerButton(MessageKey.ADVANCE_KEPT, Map.of());
                case REPEAT -> repeat(member, ref);
                case PAUSE -> pause(member, ref);
                case RESUME -> resume(ref);
                case LANGUAGE -> language(e.argument(), ref);
                case HELP -> say(MessageKey.HELP, Map.of(), ref);
                case SUMMARY -> summaryNow(member, ref);
                case DELETE_MY_DATA -> {
                    s.pendingDeletions.add(member.id());
                    effects.add(new Say(MessageKey.DELETE_CONFIRM.yamlKey(),
                            messages.get(MessageKey.DELETE_CONFIRM, s.language, Map.of("name", member.name())),
                            List.of(new Button(messages.get(MessageKey.DELETE_BUTTON_YES, s.language),
                                            new ButtonAction.Run(Command.CONFIRM_DELETE, "")),
                                    new Button(messages.get(MessageKey.DELETE_BUTTON_NO, s.language),
                                            new ButtonAction.Run(Command.CANCEL_DELETE, ""))),
                            ref));
                }
                case CONFIRM_DELETE -> confirmDelete(member, ref, e.pressed());
                case CANCEL_DELETE -> {
                    if (s.pendingDeletions.remove(member.id())) {
                        say(MessageKey.DELETE_CANCELLED, Map.of("name", member.name()), ref);
                    } else {
                        say(MessageKey.DELETE_NOTHING_PENDING, Map.of("name", member.name()), ref);
                    }
                }
                case UNKNOWN -> say(MessageKey.UNKNOWN_COMMAND,
                        Map.of("command", e.argument() == null || e.argument().isBlank() ? "?" : e.argument()), ref);
            }
        }

        private void start(String ref) {
            switch (s.status) {
                case NEW -> {
                    say(MessageKey.FLOW_START, Map.of(), ref);
                    openStage(0, 1);
                }
                case ACTIVE -> ask(currentStage(), currentStage().prompts().get(s.promptIndex));
                case AWAITING_FACILITATOR -> say(MessageKey.STATUS_AWAITING, stageValues(), ref);
                case PAUSED -> say(MessageKey.STATUS_PAUSED, stageValues(), ref);
                case FINISHED -> say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
            }
        }

        private void claim(Member member, String ref) {
            if (s.facilitatorId == null) {
                s.facilitatorId = member.id();
                say(MessageKey.FACILITATOR_CLAIMED, Map.of("name", member.name()), ref);
                progressIfQuorum();
            } else if (s.facilitatorId.equals(member.id())) {
                say(MessageKey.FACILITATOR_ALREADY_YOU, Map.of("name", member.name()), ref);
            } else {
                say(MessageKey.FACILITATOR_TAKEN, Map.of("name", facilitatorName()), ref);
            }
        }

        /**
         * Staff's word on who facilitates: it replaces the one there is (whose summaries stop, as
         * they follow the role) and needs no admin rights; revoking leaves the group to claim again.
         */
        private void assigned(FacilitatorAssigned e) {
            if (e.member() == null) {
                if (s.facilitatorId == null) {
                    say(MessageKey.FACILITATOR_NONE, Map.of(), e.messageRef());
                    return;
                }
                String name = facilitatorName();
                s.facilitatorId = null;
                say(MessageKey.FACILITATOR_REVOKED, Map.of("name", name), e.messageRef());
            } else {
                remember(e.member());
                s.facilitatorId = e.member().id();
                say(MessageKey.FACILITATOR_ASSIGNED, Map.of("name", e.member().name()), e.messageRef());
            }
            progressIfQuorum();
        }

        private void status(String ref) {
            switch (s.status) {
                case NEW -> say(MessageKey.STATUS_NEW, Map.of(), ref);
                case ACTIVE -> {
                    Stage stage = currentStage();
                    Prompt prompt = stage.prompts().get(s.promptIndex);
                    Set<String> answered = answerers(prompt.key());
                    String waiting = s.members.values().stream()
                            .filter(m -> m.present() && !isFacilitator(m.id()) && !answered.contains(m.id()))
                            .map(Member::name).collect(Collectors.joining(", "));
                    Map<String, Object> values = new LinkedHashMap<>(stageValues());
                    values.put("prompt", s.promptIndex + 1);
                    values.put("prompts", stage.prompts().size());
                    values.put("answered", answered.size());
                    values.put("quorum", effectiveQuorum(stage));
                    values.put("waiting", waiting.isEmpty() ? "-" : waiting);
                    say(MessageKey.STATUS_ACTIVE, values, ref);
                }
                case AWAITING_FACILITATOR -> say(MessageKey.STATUS_AWAITING, stageValues(), ref);
                case PAUSED -> say(MessageKey.STATUS_PAUSED, stageValues(), ref);
                case FINISHED -> say(MessageKey.STATUS_FINISHED, Map.of("total", flow.stageCount()), ref);
            }
        }

        private Map<String, Object> stageValues() {
            return Map.of("number", s.stageIndex + 1, "total", flow.stageCount(),
                    "title", currentStage().title().in(s.language));
        }

        /**
         * Whether a button made for a stage (a summary's, a confirmation's) is pressed after the
         * group left that stage: then it does nothing, and the presser is told so.
         */
        private boolean stale(Command command, String argument) {
            if (argument == null || argument.isBlank() || s.status == GroupStatus.NEW
                    || !(command == Command.ADVANCE || command == Command.REPEAT || command == Command.PAUSE
                    || command == Command.CANCEL_ADVANCE)) {
                return false;
            }
            String madeFor = argument.endsWith(CONFIRMED)
                    ? argument.substring(0, argument.length() - CONFIRMED.length()) : argument;
            if (madeFor.equals(stageRef()) && s.status != GroupStatus.FINISHED) {
                return false;
            }
            answerButton(MessageKey.STALE_BUTTON, Map.of("title", currentStage().title().in(s.language)));
            return true;
        }

        /**
         * /lanjut means the stage the facilitator saw. Pressed again right after a stage opened,
         * before anyone answered, it asks first instead of closing an empty stage.
         */
        private void advance(Member member, String ref, String argument) {
            GroupStatus effective = s.status == GroupStatus.PAUSED ? s.pausedFrom : s.status;
            boolean confirmed = argument != null && argument.endsWith(CONFIRMED);
            switch (effective) {
                case ACTIVE -> {
                    if (!confirmed && s.readyAt == null && s.answers.isEmpty() && s.stageOpenedAt != null
                            && at.isBefore(s.stageOpenedAt.plus(settings.confirmAdvanceWithin()))) {
                        effects.add(new Say(MessageKey.ADVANCE_CONFIRM.yamlKey(),
                                messages.get(MessageKey.ADVANCE_CONFIRM, s.language, Map.of("name", member.name(),
                                        "title", currentStage().title().in(s.language))),
                                List.of(new Button(messages.get(MessageKey.BUTTON_CONFIRM_ADVANCE, s.language),
                                                new ButtonAction.Run(Command.ADVANCE, stageRef() + CONFIRMED)),
                                        new Button(messages.get(MessageKey.BUTTON_STAY, s.language),
                                                new ButtonAction.Run(Command.CANCEL_ADVANCE, stageRef()))),
                                ref));
                        return;
                    }
                    s.status = GroupStatus.ACTIVE;
                    s.pausedFrom = null;
                    say(MessageKey.ADVANCED_BY_FACILITATOR, Map.of("name", member.name()), ref);
                    completeStage(s.readyAt != null && lastPromptHasQuorum() ? ClosedBy.QUORUM : ClosedBy.FACILITATOR,
                            true);
                }
                case AWAITING_FACILITATOR -> {
                    say(MessageKey.ADVANCED_BY_FACILITATOR, Map.of("name", member.name()), ref);
                    openStage(s.stageIndex + 1, 1);
                }
                case NEW -> say(MessageKey.NOT_STARTED, Map.of(), ref);
                default -> say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
            }
        }

        private void repeat(Member member, String ref) {
            switch (s.status) {
                case ACTIVE -> ask(currentStage(), currentStage().prompts().get(s.promptIndex));
                case AWAITING_FACILITATOR -> {
                    if (isFacilitator(member.id())) {
                        say(MessageKey.STAGE_REPEATED, Map.of("title", currentStage().title().in(s.language)), ref);
                        openStage(s.stageIndex, s.round + 1);
                    } else {
                        say(MessageKey.STATUS_AWAITING, stageValues(), ref);
                    }
                }
                case PAUSED -> say(MessageKey.STATUS_PAUSED, stageValues(), ref);
                case NEW -> say(MessageKey.NOT_STARTED, Map.of(), ref);
                case FINISHED -> say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
            }
        }

        private void pause(Member member, String ref) {
            switch (s.status) {
                case ACTIVE, AWAITING_FACILITATOR -> {
                    s.pausedFrom = s.status;
                    s.status = GroupStatus.PAUSED;
                    say(MessageKey.PAUSED, Map.of("name", member.name()), ref);
                }
                case PAUSED -> say(MessageKey.ALREADY_PAUSED, Map.of(), ref);
                case NEW -> say(MessageKey.NOT_STARTED, Map.of(), ref);
                case FINISHED -> say(MessageKey.ALREADY_FINISHED, Map.of(), ref);
            }
        }

        private void resume(String ref) {
            if (s.status != GroupStatus.PAUSED) {
                say(MessageKey.NOT_PAUSED, Map.of(), ref);
                return;
            }
            s.status = s.pausedFrom;
            s.pausedFrom = null;
            say(MessageKey.RESUMED, Map.of(), ref);
            if (s.status == GroupStatus.ACTIVE) {
                int before = effects.size();
                progressIfQuorum();
                if (effects.size() == before) {
                    ask(currentStage(), currentStage().prompts().get(s.promptIndex));
                }
            }
        }

        private void language(String argument, String ref) {
            Language language = Language.fromCode(argument).orElse(null);
            if (language == null) {
                say(MessageKey.LANGUAGE_INVALID, Map.of(), ref);
                return;
            }
            s.language = language;
            say(MessageKey.LANGUAGE_SET, Map.of(), ref);
        }

        private void summaryNow(Member member, String ref) {
            if (s.status == GroupStatus.NEW) {
                say(MessageKey.NOT_STARTED, Map.of(), ref);
                return;
            }
            boolean closed = s.status == GroupStatus.AWAITING_FACILITATOR || s.status == GroupStatus.FINISHED
                    || s.pausedFrom == GroupStatus.AWAITING_FACILITATOR;
            effects.add(new SummaryRequested(member.id(), summary(closed, null)));
        }

        private void confirmDelete(Member member, String ref, boolean pressed) {
            if (!s.pendingDeletions.contains(member.id())) {
                say(MessageKey.DELETE_NOTHING_PENDING, Map.of("name", member.name()), ref);
                return;
            }
            forget(member.id());
            // the one who pressed hears it in a toast: the group is spared a message
            if (pressed) {
                answerButton(MessageKey.DELETE_DONE, Map.of());
            } else {
                say(MessageKey.DELETE_DONE, Map.of(), ref);
            }
        }

        /**
         * Everything the state holds about the member goes: answers (also late ones), notices and
         * feedback given to them, their name. A facilitator stays one (the group needs them), by id.
         */
        private void forget(String memberId) {
            s.pendingDeletions.remove(memberId);
            s.answers.removeIf(a -> a.memberId().equals(memberId));
            s.lateAnswers.removeIf(a -> a.memberId().equals(memberId));
            s.goalFeedbackGiven.removeIf(k -> k.startsWith(memberId + ":"));
            s.noticesGiven.removeIf(k -> k.endsWith(":" + memberId));
            if (!isFacilitator(memberId)) {
                s.members.remove(memberId);
            }
            effects.add(new ForgetMember(memberId));
        }

        private void answerButton(MessageKey key, Map<String, ?> values) {
            effects.add(new AnswerButton(key.yamlKey(), messages.get(key, s.language, values)));
        }

        private void say(MessageKey key, Map<String, ?> values, String replyToRef) {
            effects.add(new Say(key.yamlKey(), messages.get(key, s.language, values), List.of(), replyToRef));
        }
    }
}
