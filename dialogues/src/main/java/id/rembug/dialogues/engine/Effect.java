package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.goal.GoalAssessment;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Something the application must do because of an event. The engine decides; the edge does the
 * I/O. Texts are already rendered in the group's language.
 *
 * <p>{@link #brief()} is a short, stable description used by transcript tests, which pin down
 * behaviour without depending on the wording of product texts.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Effect.Say.class, name = "say"),
        @JsonSubTypes.Type(value = Effect.AskPrompt.class, name = "ask-prompt"),
        @JsonSubTypes.Type(value = Effect.Acknowledge.class, name = "acknowledge"),
        @JsonSubTypes.Type(value = Effect.AnswerRecorded.class, name = "answer-recorded"),
        @JsonSubTypes.Type(value = Effect.GoalFeedback.class, name = "goal-feedback"),
        @JsonSubTypes.Type(value = Effect.NudgeQuietMembers.class, name = "nudge-quiet-members"),
        @JsonSubTypes.Type(value = Effect.MilestoneReached.class, name = "milestone-reached"),
        @JsonSubTypes.Type(value = Effect.SummaryRequested.class, name = "summary-requested"),
        @JsonSubTypes.Type(value = Effect.ForgetMember.class, name = "forget-member"),
        @JsonSubTypes.Type(value = Effect.ScheduleWakeUp.class, name = "schedule-wake-up"),
        @JsonSubTypes.Type(value = Effect.LateAnswersReached.class, name = "late-answers-reached"),
        @JsonSubTypes.Type(value = Effect.AnswerButton.class, name = "answer-button"),
        @JsonSubTypes.Type(value = Effect.VoteOpened.class, name = "vote-opened"),
        @JsonSubTypes.Type(value = Effect.VoteCounted.class, name = "vote-counted"),
        @JsonSubTypes.Type(value = Effect.VoteClosed.class, name = "vote-closed"),
        @JsonSubTypes.Type(value = Effect.DecisionAgreed.class, name = "decision-agreed"),
        @JsonSubTypes.Type(value = Effect.SayPrivately.class, name = "say-privately"),
        @JsonSubTypes.Type(value = Effect.CheckIn.class, name = "check-in")
})
public sealed interface Effect {

    String brief();

    /**
     * A message to the group.
     *
     * @param topic      a stable name for what is said (the message key), for tests and logs
     * @param replyToRef the message this answers, or null
     */
    record Say(String topic, String text, List<Button> buttons, String replyToRef) implements Effect {
        public Say {
            buttons = List.copyOf(buttons);
        }

        @Override
        public String brief() {
            return "say " + topic;
        }
    }

    /** Ask the group a prompt; typed kinds want a reply, choice and scale kinds carry buttons. */
    record AskPrompt(String stageKey, int round, String promptKey, PromptKind kind, String text,
                     List<Button> buttons) implements Effect {
        public AskPrompt {
            buttons = List.copyOf(buttons);
        }

        @Override
        public String brief() {
            return "ask " + stageKey + "." + promptKey;
        }
    }

    /**
     * An answer was taken: thank the member (a button's toast), and show the group how far the
     * prompt has come by updating the question's own message, not with a new one.
     *
     * @param answered  distinct residents who answered the prompt so far
     * @param progress  the progress line for the question's message ("✅ 3 dari 5 sudah menjawab"),
     *                  null for an answer to a stage the group has left
     */
    record Acknowledge(String memberId, String memberName, String messageRef, String stageKey, int round,
                       String promptKey, int answered, int quorum, boolean corrected, String text,
                       String progress) implements Effect {
        @Override
        public String brief() {
            return (corrected ? "ack-corrected " : "ack ") + memberName + " " + answered + "/" + quorum;
        }
    }

    /** Store this answer (new, or correcting the member's earlier one with the same key). */
    record AnswerRecorded(Answer answer, boolean corrected) implements Effect {
        @Override
        public String brief() {
            return (corrected ? "store-corrected " : "store ") + answer.stageKey() + "." + answer.promptKey()
                    + " " + answer.memberName();
        }
    }

    /** Tell the member what their goal still misses; asked once per goal prompt. */
    record GoalFeedback(String memberId, String memberName, String messageRef, GoalAssessment assessment,
                        String text) implements Effect {
        @Override
        public String brief() {
            return "goal-feedback " + memberName + " missing="
                    + assessment.missing().stream().map(c -> c.name().toLowerCase()).collect(Collectors.joining(","));
        }
    }

    /** Invite the members who have not spoken in this stage, once. */
    record NudgeQuietMembers(String stageKey, List<Member> quiet, String text) implements Effect {
        public NudgeQuietMembers {
            quiet = List.copyOf(quiet);
        }

        @Override
        public String brief() {
            return "nudge " + stageKey + " " + quiet.stream().map(Member::name).collect(Collectors.joining(","));
        }
    }

    /** A stage is complete: the facilitator gets its summary. Exactly one per completed stage. */
    record MilestoneReached(StageSummary summary, List<Button> facilitatorButtons) implements Effect {
        public MilestoneReached {
            facilitatorButtons = List.copyOf(facilitatorButtons);
        }

        @Override
        public String brief() {
            return "milestone " + summary.stageKey() + " participants="
                    + summary.participants().stream().map(p -> p.member().name()).collect(Collectors.joining(","))
                    + " quiet=" + summary.quiet().stream().map(Member::name).collect(Collectors.joining(","))
                    + (summary.closedBy() == StageSummary.ClosedBy.FACILITATOR ? " by-facilitator" : "");
        }
    }

    /** The facilitator asked for a summary of the stage so far. */
    record SummaryRequested(String facilitatorId, StageSummary summary) implements Effect {
        @Override
        public String brief() {
            return "summary " + summary.stageKey();
        }
    }

    /** Delete everything stored about this member in this group. */
    record ForgetMember(String memberId) implements Effect {
        @Override
        public String brief() {
            return "forget " + memberId;
        }
    }

    /**
     * Answers that came after their stage's summary: they reach the facilitator once, together,
     * as an addendum to that summary ({@code text}), and are added to the stored summary.
     */
    record LateAnswersReached(String stageKey, int round, List<Answer> answers, String text) implements Effect {
        public LateAnswersReached {
            answers = List.copyOf(answers);
        }

        @Override
        public String brief() {
            return "late-answers " + stageKey + " " + answers.stream().map(Answer::memberName)
                    .collect(Collectors.joining(","));
        }
    }

    /**
     * The answer to a button press, for the presser alone (a toast; an alert when it explains
     * something): what a pressed button gets instead of a message to the whole group.
     */
    record AnswerButton(String topic, String text) implements Effect {
        @Override
        public String brief() {
            return "answer-button " + topic;
        }
    }

    /**
     * Put a decision's candidates to the group's vote. A channel with polls sends one
     * ({@code question}, {@code options}, non-anonymous, with {@code closeButtons} under it) when
     * they fit; otherwise a message ({@code text}) with {@code buttons}: one per candidate, then
     * the close button. Either way it is one message.
     */
    record VoteOpened(String stageKey, int round, String promptKey, String question, List<String> options,
                      String text, List<Button> buttons, List<Button> closeButtons) implements Effect {
        public VoteOpened {
            options = List.copyOf(options);
            buttons = List.copyOf(buttons);
            closeButtons = List.copyOf(closeButtons);
        }

        @Override
        public String brief() {
            return "vote-opened " + stageKey + "." + promptKey + " options=" + options.size();
        }
    }

    /**
     * A vote was counted (new, changed or taken back): the voting message shows the standing
     * ({@code text}, with {@code buttons}) by an edit; a poll shows its own.
     */
    record VoteCounted(String stageKey, int round, String promptKey, String memberName, String text,
                       List<Button> buttons) implements Effect {
        public VoteCounted {
            buttons = List.copyOf(buttons);
        }

        @Override
        public String brief() {
            return "vote-counted " + stageKey + "." + promptKey + " " + memberName;
        }
    }

    /**
     * The vote ended: the voting message shows the result ({@code text}) with the facilitator's
     * buttons (confirm a candidate, merge); a poll is stopped with them under it.
     */
    record VoteClosed(String stageKey, int round, String promptKey, String text, List<Button> buttons,
                      List<Integer> tally) implements Effect {
        public VoteClosed {
            buttons = List.copyOf(buttons);
            tally = List.copyOf(tally);
        }

        @Override
        public String brief() {
            return "vote-closed " + stageKey + "." + promptKey + " tally=" + tally.stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
        }
    }

    /** The facilitator confirmed the decision: say {@code text} to the group and pin it. */
    record DecisionAgreed(Decision decision, String text) implements Effect {
        @Override
        public String brief() {
            return "agreed " + decision.reference() + (decision.merged() ? " merged" : "")
                    + (decision.goal() == null ? "" : " missing=" + decision.goal().missing().stream()
                    .map(c -> c.name().toLowerCase()).collect(Collectors.joining(",")));
        }
    }

    /** Deliver a {@link Event.TimePassed} to this group at {@code at}. */
    record ScheduleWakeUp(Instant at) implements Effect {
        @Override
        public String brief() {
            return "wake " + at;
        }
    }

    /**
     * A message to one person in their private chat with the bot (a reminder they asked to get
     * there, the facilitator's plan questions): it costs the group nothing.
     */
    record SayPrivately(String memberId, String topic, String text, List<Button> buttons) implements Effect {
        public SayPrivately {
            buttons = List.copyOf(buttons);
        }

        @Override
        public String brief() {
            return "say-private " + topic + " " + memberId;
        }
    }

    /**
     * Ask the group how its action plan is going; replies to this message are progress notes
     * ({@link Event.MemberAnswered} with {@link #PROMPT_KEY} as the prompt).
     */
    record CheckIn(String stageKey, int round, int number, String text) implements Effect {

        /** The prompt key a reply to a check-in carries; no flow prompt may use it (keys have no dot). */
        public static final String PROMPT_KEY = "plan.check-in";

        @Override
        public String brief() {
            return "check-in " + number;
        }
    }
}
