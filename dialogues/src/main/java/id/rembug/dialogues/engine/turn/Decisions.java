package id.rembug.dialogues.engine.turn;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Decision;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.GoalTexts;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;

import id.rembug.dialogues.engine.Decision.Candidate;
import id.rembug.dialogues.engine.Decision.State;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.GoalChecker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Group decisions, one step at a time: the answers to a decision prompt become candidates, the
 * group votes, the facilitator confirms one or types a merged wording, and the agreed text is said
 * to the group (and pinned by the channel). Pure: the state and the effects of one engine step.
 *
 * <p>What it costs the group: one voting message (a poll, or a message with buttons that later
 * edits show the standing and the result in), and one message with the agreed text. Votes are
 * answered with a toast, the facilitator's presses too.
 */
public final class Decisions {

    /** A button label shows this much of a candidate; the message above it has the whole text. */
    private static final int LABEL_LENGTH = 28;
    /** The facilitator is offered to confirm at most this many candidates, the most voted first. */
    private static final int AGREE_BUTTONS = 3;

    private final Turn turn;
    private final Flow flow;
    private final Messages messages;
    private final GoalChecker goalChecker;
    private final GroupState.Builder s;
    private final Instant at;

    public Decisions(Turn turn) {
        this.turn = turn;
        this.flow = turn.flow();
        this.messages = turn.messages();
        this.goalChecker = turn.goalChecker();
        this.s = turn.state();
        this.at = turn.at();
    }

    // ---- gathering -------------------------------------------------------------------

    /**
     * Whether the open prompt may let the group go on: a decision prompt only once its decision is
     * agreed. Called when the prompt has its quorum; starts gathering the candidates (or opens the
     * vote when everyone has answered already, or nobody needs to wait).
     */
    public boolean settled(Stage stage, Prompt prompt, boolean everyoneAnswered, Duration grace) {
        if (!prompt.decision()) {
            return true;
        }
        Optional<Decision> existing = current(stage, prompt);
        if (existing.isPresent()) {
            Decision decision = existing.get();
            if (decision.state() == State.GATHERING && everyoneAnswered) {
                openVote(decision);
            }
            return decision.confirmed();
        }
        Decision gathering = new Decision(stage.key(), s.round, prompt.key(), prompt.kind(), State.GATHERING,
                List.of(), List.of(), at.plus(grace), null, null, null, null, null, false, null);
        s.decisions.add(gathering);
        if (everyoneAnswered || grace.isZero()) {
            openVote(gathering);
        } else {
            turn.emit(new Effect.ScheduleWakeUp(gathering.gatherUntil()));
        }
        return false;
    }

    /** The clock moved on: a decision whose gathering time is up goes to the vote. */
    public void timePassed() {
        for (Decision decision : List.copyOf(s.decisions)) {
            if (decision.state() == State.GATHERING && !at.isBefore(decision.gatherUntil()) && isOpen(decision)) {
                openVote(decision);
            }
        }
    }

    private void openVote(Decision gathering) {
        List<Candidate> candidates = candidates(gathering);
        if (candidates.size() == 1) {
            // one proposal: nothing to vote on, the facilitator confirms it (or rewords it)
            Decision closed = gathering.with(State.CLOSED, candidates, List.of(), at, at, null, null, null, false, null);
            replace(closed);
            turn.emit(new Effect.VoteClosed(closed.stageKey(), closed.round(), closed.promptKey(),
                    resultText(closed), agreeButtons(closed), closed.tally()));
            return;
        }
        Decision voting = gathering.with(State.VOTING, candidates, List.of(), at, null, null, null, null, false, null);
        replace(voting);
        String question = messages.get(MessageKey.VOTE_QUESTION, s.language);
        List<String> options = candidates.stream().map(Candidate::text).toList();
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            buttons.add(new Button((i + 1) + ". " + shortened(candidates.get(i).text()),
                    new ButtonAction.Run(Command.VOTE, ref(voting) + ":" + i)));
        }
        List<Button> close = List.of(closeButton(voting));
        buttons.addAll(close);
        turn.emit(new Effect.VoteOpened(voting.stageKey(), voting.round(), voting.promptKey(), question, options,
                messages.get(MessageKey.VOTE_INTRO, s.language, Map.of("options", numbered(voting, false))),
                buttons, close));
    }

    /** Every distinct answer of the prompt, in the order they came, the facilitator's too. */
    private List<Candidate> candidates(Decision decision) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Answer answer : s.answers) {
            if (!answer.promptKey().equals(decision.promptKey())) {
                continue;
            }
            List<String> texts = answer.kind() == PromptKind.LIST ? answer.items() : List.of(answer.value());
            for (String text : texts) {
                if (seen.add(text.strip().toLowerCase(java.util.Locale.ROOT))) {
                    candidates.add(new Candidate(answer.memberId(), answer.memberName(), text.strip()));
                }
            }
        }
        return candidates;
    }

    // ---- voting ----------------------------------------------------------------------

    /** A vote from the platform's poll; {@code candidate} null takes it back. */
    public void pollVote(Member member, Event.VoteCast vote) {
        Optional<Decision> decision = s.decisions.stream().filter(d -> d.stageKey().equals(vote.stageKey())
                && d.round() == vote.round() && d.promptKey().equals(vote.promptKey())).findFirst();
        if (decision.isEmpty() || decision.get().state() != State.VOTING || !isOpen(decision.get())) {
            return; // the poll was stopped: Telegram takes no more votes, so this is a stray one
        }
        count(decision.get(), member, vote.candidate(), false);
    }

    /** A vote button, {@code argument} = {@code stage:round:candidate}. */
    public void buttonVote(Member member, String argument) {
        Optional<Decision> decision = byButton(argument);
        if (decision.isEmpty() || decision.get().state() != State.VOTING) {
            answerButton(MessageKey.VOTE_CLOSED_ALREADY, Map.of());
            return;
        }
        int candidate = candidateIn(argument);
        if (candidate < 0 || candidate >= decision.get().candidates().size()) {
            return;
        }
        count(decision.get(), member, candidate, true);
    }

    /**
     * One vote per member: a new choice replaces their earlier one, the same choice again changes
     * nothing, a retraction removes it. When everyone the group is known to have voted, it closes.
     */
    private void count(Decision decision, Member member, Integer candidate, boolean pressed) {
        List<Decision.Vote> votes = new ArrayList<>(decision.votes());
        Integer before = votes.stream().filter(v -> v.memberId().equals(member.id())).findFirst()
                .map(Decision.Vote::candidate).orElse(null);
        votes.removeIf(v -> v.memberId().equals(member.id()));
        if (candidate != null) {
            votes.add(new Decision.Vote(member.id(), member.name(), candidate));
        }
        if (pressed) {
            answerButton(MessageKey.VOTE_RECORDED, Map.of("number", candidate + 1));
        }
        if (java.util.Objects.equals(before, candidate)) {
            return;
        }
        Decision counted = decision.withVotes(votes);
        replace(counted);
        turn.emit(new Effect.VoteCounted(counted.stageKey(), counted.round(), counted.promptKey(), member.name(),
                messages.get(MessageKey.VOTE_STANDING, s.language, Map.of("options", numbered(counted, true),
                        "voted", counted.votes().size())),
                voteButtons(counted)));
        if (everyoneVoted(counted)) {
            close(counted);
        }
    }

    private boolean everyoneVoted(Decision decision) {
        Set<String> residents = s.members.values().stream()
                .filter(m -> m.present() && !isFacilitator(m.id())).map(Member::id)
                .collect(Collectors.toSet());
        int reported = s.reportedSize == null ? 0 : s.reportedSize - (s.facilitatorId == null ? 0 : 1);
        int expected = Math.max(residents.size(), reported);
        Set<String> voters = decision.votes().stream().map(Decision.Vote::memberId).collect(Collectors.toSet());
        long voted = voters.stream().filter(id -> !isFacilitator(id)).count();
        return expected > 0 && voted >= expected && voters.containsAll(residents);
    }

    /** The facilitator's button: end the vote now. */
    public void closeVote(String argument) {
        Optional<Decision> decision = byButton(argument);
        if (decision.isEmpty() || decision.get().state() != State.VOTING) {
            answerButton(MessageKey.VOTE_CLOSED_ALREADY, Map.of());
            return;
        }
        close(decision.get());
    }

    private void close(Decision voting) {
        Decision closed = voting.with(State.CLOSED, voting.candidates(), voting.votes(), voting.openedAt(), at, null,
                null, null, false, null);
        replace(closed);
        turn.emit(new Effect.VoteClosed(closed.stageKey(), closed.round(), closed.promptKey(), resultText(closed),
                agreeButtons(closed), closed.tally()));
    }

    /**
     * The stage closes before its decision was confirmed (the facilitator moved the group on): a
     * vote still open ends, its poll stopped with nothing left to press; the proposals stay in the
     * summary as not confirmed.
     */
    public void stageClosing() {
        for (Decision decision : List.copyOf(s.decisions)) {
            if (!isOpen(decision) || decision.confirmed() || decision.state() == State.CLOSED) {
                continue;
            }
            List<Candidate> candidates = decision.state() == State.GATHERING ? candidates(decision)
                    : decision.candidates();
            Decision closed = decision.with(State.CLOSED, candidates, decision.votes(), decision.openedAt(), at, null,
                    null, null, false, null);
            replace(closed);
            if (decision.state() == State.VOTING) {
                turn.emit(new Effect.VoteClosed(closed.stageKey(), closed.round(), closed.promptKey(),
                        endedText(closed), List.of(), closed.tally()));
            }
        }
    }

    // ---- agreeing --------------------------------------------------------------------

    /** The facilitator pressed "confirm number n" under the result. Pressed twice, it confirms once. */
    public void agreePressed(Member facilitator, String argument) {
        Optional<Decision> decision = byButton(argument);
        if (decision.isPresent() && decision.get().confirmed()) {
            answerButton(MessageKey.DECISION_ALREADY_AGREED, Map.of());
            return;
        }
        if (decision.isEmpty() || !isOpen(decision.get())) {
            answerButton(MessageKey.VOTE_CLOSED_ALREADY, Map.of());
            return;
        }
        int candidate = candidateIn(argument);
        if (candidate < 0 || candidate >= decision.get().candidates().size()) {
            return;
        }
        agree(decision.get(), facilitator, decision.get().candidates().get(candidate).text(), false);
        answerButton(MessageKey.DECISION_AGREED_TOAST, Map.of());
    }

    /**
     * {@code /sepakat <wording>}: the facilitator's own wording (two candidates merged, or the agreed
     * one made clearer after the goal check) for the decision open in this stage; also before the
     * vote ended, which closes it.
     */
    public void agreeTyped(Member facilitator, String wording, String ref) {
        Optional<Decision> decision = s.decisions.stream().filter(this::isOpen)
                .filter(d -> d.state() != State.GATHERING || !candidates(d).isEmpty())
                .reduce((first, second) -> second);
        if (decision.isEmpty()) {
            say(MessageKey.DECISION_NONE_OPEN, Map.of("name", facilitator.name()), ref);
            return;
        }
        String text = wording == null ? "" : wording.strip();
        if (text.isEmpty()) {
            say(MessageKey.AGREE_HOW, Map.of(), ref);
            return;
        }
        Decision open = decision.get();
        if (open.state() == State.VOTING) {
            // the facilitator's wording ends the vote: the poll stops, with nothing left to press
            open = open.with(State.CLOSED, open.candidates(), open.votes(), open.openedAt(), at, null, null, null,
                    false, null);
            turn.emit(new Effect.VoteClosed(open.stageKey(), open.round(), open.promptKey(), endedText(open),
                    List.of(), open.tally()));
        }
        if (open.state() == State.GATHERING) {
            open = open.with(State.CLOSED, candidates(open), List.of(), at, at, null, null, null, false, null);
        }
        if (open.confirmed() && text.equals(open.agreed())) {
            return;
        }
        agree(open, facilitator, text, true);
    }

    /** The merge button: the facilitator is told, in an alert only they see, how to type the wording. */
    public void mergePressed() {
        answerButton(MessageKey.MERGE_HOW, Map.of());
    }

    private void agree(Decision decision, Member facilitator, String text, boolean typed) {
        boolean merged = typed && decision.candidates().stream().noneMatch(c -> c.text().equals(text));
        GoalAssessment goal = decision.kind() == PromptKind.GOAL ? goalChecker.assess(text) : null;
        Decision agreed = decision.with(State.AGREED, decision.candidates(), decision.votes(), decision.openedAt(),
                decision.closedAt() == null ? at : decision.closedAt(), text, facilitator.id(), at, merged, goal);
        replace(agreed);
        s.memory.put(agreed.reference(), text);
        turn.emit(new Effect.DecisionAgreed(agreed, agreedText(agreed)));
    }

    /**
     * "Tujuan bersama kita: …" for a goal, "Kesepakatan kita: …" otherwise; a goal the checker finds
     * incomplete adds one question to the whole group about what it misses.
     */
    private String agreedText(Decision agreed) {
        MessageKey key = agreed.kind() == PromptKind.GOAL ? MessageKey.AGREED_GOAL : MessageKey.AGREED;
        String text = messages.get(key, s.language, Map.of("text", agreed.agreed()));
        if (agreed.goal() != null && !agreed.goal().isComplete()) {
            String missing = GoalTexts.feedbackLines(agreed.goal(), messages, s.language).stream()
                    .map(line -> "\n• " + line).collect(Collectors.joining());
            if (!missing.isEmpty()) {
                text += "\n\n" + messages.get(MessageKey.AGREED_GOAL_ASK, s.language, Map.of("missing", missing));
            }
        }
        return text;
    }

    // ---- members ---------------------------------------------------------------------

    /** A member who deleted their data: see {@link Decision#withoutMember}. */
    public void forget(String memberId) {
        s.decisions.replaceAll(decision -> decision.withoutMember(memberId));
    }

    // ---- texts -----------------------------------------------------------------------

    /** "1. text" lines; with {@code counts}, each with its votes. */
    private String numbered(Decision decision, boolean counts) {
        List<Integer> tally = decision.tally();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < decision.candidates().size(); i++) {
            lines.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(decision.candidates().get(i).text());
            if (counts) {
                lines.append(" — ").append(messages.get(MessageKey.VOTE_COUNT, s.language,
                        Map.of("votes", tally.get(i))));
            }
        }
        return lines.toString();
    }

    private String resultText(Decision closed) {
        return messages.get(MessageKey.VOTE_RESULT, s.language, Map.of("options", numbered(closed, true),
                "voted", closed.votes().size()));
    }

    /** The count of a vote that ended without the facilitator's buttons (there is nothing left to press). */
    private String endedText(Decision closed) {
        return messages.get(MessageKey.VOTE_ENDED, s.language, Map.of("options", numbered(closed, true),
                "voted", closed.votes().size()));
    }

    private List<Button> voteButtons(Decision voting) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < voting.candidates().size(); i++) {
            buttons.add(new Button((i + 1) + ". " + shortened(voting.candidates().get(i).text()),
                    new ButtonAction.Run(Command.VOTE, ref(voting) + ":" + i)));
        }
        buttons.add(closeButton(voting));
        return buttons;
    }

    private Button closeButton(Decision voting) {
        return new Button(messages.get(MessageKey.BUTTON_CLOSE_VOTE, s.language),
                new ButtonAction.Run(Command.CLOSE_VOTE, ref(voting)));
    }

    /** Confirm one of the most voted (a tie offers each), then merge. */
    private List<Button> agreeButtons(Decision closed) {
        List<Button> buttons = new ArrayList<>();
        for (int index : closed.ranking().subList(0, Math.min(AGREE_BUTTONS, closed.candidates().size()))) {
            buttons.add(new Button(messages.get(MessageKey.BUTTON_AGREE, s.language, Map.of("number", index + 1)),
                    new ButtonAction.Run(Command.AGREE, ref(closed) + ":" + index)));
        }
        buttons.add(new Button(messages.get(MessageKey.BUTTON_MERGE, s.language),
                new ButtonAction.Run(Command.MERGE, ref(closed))));
        return buttons;
    }

    private static String shortened(String text) {
        return text.length() <= LABEL_LENGTH ? text : text.substring(0, LABEL_LENGTH - 1).stripTrailing() + "…";
    }

    // ---- bookkeeping -----------------------------------------------------------------

    /** How buttons name a decision: {@code stage:round:promptIndex}, short enough for callback data. */
    private String ref(Decision decision) {
        int promptIndex = flow.stage(decision.stageKey()).map(st -> st.indexOf(decision.promptKey())).orElse(0);
        return decision.stageKey() + ":" + decision.round() + ":" + promptIndex;
    }

    private Optional<Decision> byButton(String argument) {
        if (argument == null) {
            return Optional.empty();
        }
        String[] parts = argument.split(":");
        if (parts.length < 3) {
            return Optional.empty();
        }
        Optional<Stage> stage = flow.stage(parts[0]);
        int round;
        int promptIndex;
        try {
            round = Integer.parseInt(parts[1]);
            promptIndex = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (stage.isEmpty() || promptIndex < 0 || promptIndex >= stage.get().prompts().size()) {
            return Optional.empty();
        }
        String promptKey = stage.get().prompts().get(promptIndex).key();
        return s.decisions.stream().filter(d -> d.stageKey().equals(parts[0]) && d.round() == round
                && d.promptKey().equals(promptKey)).findFirst();
    }

    private static int candidateIn(String argument) {
        String[] parts = argument.split(":");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[3]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Optional<Decision> current(Stage stage, Prompt prompt) {
        return s.decisions.stream().filter(d -> d.stageKey().equals(stage.key()) && d.round() == s.round
                && d.promptKey().equals(prompt.key())).findFirst();
    }

    /** A decision of the stage and round the group is in now, while that stage still takes answers. */
    private boolean isOpen(Decision decision) {
        return (s.status == GroupStatus.ACTIVE || s.status == GroupStatus.PAUSED)
                && decision.stageKey().equals(flow.stage(s.stageIndex).key()) && decision.round() == s.round;
    }

    private void replace(Decision decision) {
        for (int i = 0; i < s.decisions.size(); i++) {
            Decision d = s.decisions.get(i);
            if (d.stageKey().equals(decision.stageKey()) && d.round() == decision.round()
                    && d.promptKey().equals(decision.promptKey())) {
                s.decisions.set(i, decision);
                return;
            }
        }
        s.decisions.add(decision);
    }

    private boolean isFacilitator(String memberId) {
        return s.facilitatorId != null && s.facilitatorId.equals(memberId);
    }

    private void answerButton(MessageKey key, Map<String, ?> values) {
        turn.emit(new Effect.AnswerButton(key.yamlKey(), messages.get(key, s.language, values)));
    }

    private void say(MessageKey key, Map<String, ?> values, String replyToRef) {
        turn.emit(new Effect.Say(key.yamlKey(), messages.get(key, s.language, values), List.of(), replyToRef));
    }

}
