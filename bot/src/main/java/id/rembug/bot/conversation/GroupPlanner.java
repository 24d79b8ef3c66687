package id.rembug.bot.conversation;

import id.rembug.bot.knowledge.KnowledgeHooks;
import id.rembug.bot.media.SpeechToText;
import id.rembug.bot.summaries.DigestProperties;
import id.rembug.bot.broadcast.StaffDirectory;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.bot.media.InboundMedia;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.Button;
import id.rembug.dialogues.engine.ButtonAction;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.Engine;
import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.GroupStatus;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.PlanReport;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.engine.Step;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one inbox entry of a group into engine events, runs the engine, and turns its effects
 * into a {@link Plan}: messages for the outbox, answers and milestones to store, wake-ups. It
 * reads nothing itself: what the entry needs from outside the state comes in {@link TurnInputs}
 * ({@link TurnLoader}), and every write goes out in the plan, so its cases are data
 * ({@code GroupPlannerCasesTest}). The language model is asked after the commit ({@link ModelJobs}).
 */
@Component
public class GroupPlanner {

    private static final Logger log = LoggerFactory.getLogger(GroupPlanner.class);
    /** What a button press is answered with when there is nothing more to say. */
    static final String TICK = "✓";
    static final String DIGEST_FIELD = "digest";
    static final String DIGEST_DAILY = "daily";
    static final String DIGEST_AT_ONCE = "at-once";
    private static final Set<String> DAILY = Set.of("harian", "daily");
    private static final Set<String> AT_ONCE = Set.of("langsung", "now", "instant");
    /** {@code /fasilitator ganti}: staff make someone the facilitator; {@code /fasilitator lepas}: staff take the role away. */
    private static final Set<String> ASSIGN = Set.of("ganti", "assign");
    private static final Set<String> REVOKE = Set.of("lepas", "revoke");

    private final Engine engine;
    private final Flow flow;
    private final SummaryRenderer summaries;
    private final Messages messages;
    private final String digestTime;
    private final KnowledgeHooks knowledge;
    private final List<ConversationHook> hooks;
    private final ButtonSigner signer;
    private final SpeechToText speech;
    private final GroupRecordCodec records = new GroupRecordCodec();

    public GroupPlanner(Engine engine, SummaryRenderer summaries, Messages messages, DigestProperties digest,
                        KnowledgeHooks knowledge, ButtonSigner signer,
                        org.springframework.beans.factory.ObjectProvider<ConversationHook> hooks, SpeechToText speech) {
        this.signer = signer;
        this.speech = speech;
        this.knowledge = knowledge;
        this.hooks = hooks.orderedStream().toList();
        this.engine = engine;
        this.flow = engine.flow();
        this.summaries = summaries;
        this.messages = messages;
        this.digestTime = digest.time().toString();
    }

    /**
     * The plan for one inbox entry: a function of the entry, what {@link TurnLoader} loaded for it
     * and the group as the snapshot holds it. No I/O (hooks aside: see {@link ConversationHook}).
     */
    Plan plan(ConversationStore.Snapshot snapshot, Inbound inbound, String entryId, TurnInputs inputs) {
        String groupId = snapshot.conversation();
        GroupState state = snapshot.state() != null ? snapshot.state() : engine.newGroup(groupId);
        Plan plan = new Plan(state);
        String chatId = snapshot.chatId();
        Outputs out = new Outputs(groupId, chatId, entryId, inbound.at(), plan, inputs);
        if (outsiderAnsweringPrivately(inbound, state, out)) {
            return plan;
        }
        peopleIn(inbound).stream().filter(user -> !user.bot()).forEach(user -> plan.people.add(user.id()));

        if (inbound instanceof Inbound.ChatMigrated migrated) {
            plan.newChatId = migrated.newChatId();
            return plan;
        }
        if (inbound instanceof Inbound.PostedAsChat posted) {
            out.text(messages.get(MessageKey.POST_AS_YOURSELF, state.language()), List.of(), false,
                    posted.messageId(), null);
            return plan;
        }
        if (hook(inbound, state, out) || digestChoice(inbound, state, out)
                || assignmentRefused(inbound, state, out) || claimRefused(inbound, state, out)) {
            return plan;
        }
        List<Event> events = events(inbound, state, groupId, out);
        for (Event event : events) {
            Step step = engine.step(plan.state, event);
            plan.state = step.state();
            apply(step.effects(), inbound, out, snapshot);
        }
        if (out.pendingToast != null) {
            out.callbackAnswer(out.pendingToast, out.toast);
        }
        GroupMessages.compact(plan.outgoing, chatId);
        rememberQuestions(plan, snapshot);
        plan.outgoing.addAll(out.edits.values());
        return plan;
    }

    /**
     * Keeps each question this plan sends as it was sent, for the progress edits of later
     * answers; forgets those of a stage the group has left.
     */
    private void rememberQuestions(Plan plan, ConversationStore.Snapshot snapshot) {
        for (Outgoing message : plan.outgoing) {
            if (message.promptRef() != null) {
                plan.questions.put(message.id(), message.promptRef());
                plan.asked.put(message.promptRef(), new ConversationStore.AskedQuestion(message.id(), message.text(),
                        message.buttons()));
            }
        }
        GroupState state = plan.state;
        String openStage = state.status() == GroupStatus.NEW ? null
                : promptRef(flow.stage(state.stageIndex()).key(), state.round(), null);
        for (String ref : snapshot.asked().keySet()) {
            if (openStage == null || !ref.startsWith(openStage)) {
                plan.droppedAsked.add(ref);
            }
        }
        plan.asked.keySet().removeIf(ref -> openStage == null || !ref.startsWith(openStage));
    }

    /**
     * {@code /ringkasan harian} (daily digest) and {@code /ringkasan langsung} (at once) are the
     * facilitator's delivery preference, kept with the person, not the group; anything else
     * {@code /ringkasan} does is the engine's.
     */
    private boolean digestChoice(Inbound inbound, GroupState state, Outputs out) {
        if (!(inbound instanceof Inbound.Message message) || message.edited() || message.from() == null
                || !state.isFacilitator(message.from().id())) {
            return false;
        }
        Optional<Command.Parsed> parsed = Command.parse(message.text());
        if (parsed.isEmpty() || parsed.get().command() != Command.SUMMARY) {
            return false;
        }
        String choice = parsed.get().argument().toLowerCase(java.util.Locale.ROOT);
        boolean daily = DAILY.contains(choice);
        if (!daily && !AT_ONCE.contains(choice)) {
            return false;
        }
        out.plan.userId = message.from().id();
        out.plan.userFields.put(DIGEST_FIELD, daily ? DIGEST_DAILY : DIGEST_AT_ONCE);
        String text = daily
                ? messages.get(MessageKey.DIGEST_DAILY, state.language(), Map.of("time", digestTime))
                : messages.get(MessageKey.DIGEST_AT_ONCE, state.language());
        out.text(text, List.of(), false, message.messageId(), null);
        return true;
    }

    /**
     * {@code /fasilitator} claims a group without a facilitator only for its creator or one of its
     * admins, as the platform says at this moment (Telegram: getChatMember). The engine's claim is
     * unchanged; it is simply not asked for anyone else.
     */
    private boolean claimRefused(Inbound inbound, GroupState state, Outputs out) {
        if (!(inbound instanceof Inbound.Message message) || message.edited() || message.from() == null
                || state.facilitatorId() != null) {
            return false;
        }
        Optional<Command.Parsed> parsed = Command.parse(message.text());
        if (parsed.isEmpty() || parsed.get().command() != Command.CLAIM_FACILITATOR) {
            return false;
        }
        ChatGateway.Standing standing = out.inputs.standing() == null ? ChatGateway.Standing.UNKNOWN
                : out.inputs.standing();
        if (standing == ChatGateway.Standing.LEADS) {
            return false;
        }
        log.info("Claim of group {} by user {} refused: {}", out.groupId, message.from().id(), standing);
        MessageKey key = standing == ChatGateway.Standing.MEMBER || standing == ChatGateway.Standing.OUTSIDE
                ? MessageKey.FACILITATOR_NEEDS_ADMIN
                : MessageKey.FACILITATOR_CHECK_FAILED;
        out.text(messages.get(key, state.language(), Map.of("name", message.from().name())), List.of(), false,
                message.messageId(), null);
        return true;
    }

    /**
     * A sensitive question's link can be forwarded beyond the group: someone the platform says is not
     * in it is told so in private, and neither their opening nor their answer counts, nor makes them
     * one of the group's people. When the platform could not be asked, the answer is taken: a
     * member's words are not lost to a moment's outage.
     */
    private boolean outsiderAnsweringPrivately(Inbound inbound, GroupState state, Outputs out) {
        ChatUser from = inbound instanceof Inbound.PrivateQuestionEntry entry ? entry.from() : null;
        if (from == null || out.inputs.standing() != ChatGateway.Standing.OUTSIDE) {
            return false;
        }
        log.info("Private question of group {} opened or answered by user {}, who is not in it: refused",
                out.groupId, from.id());
        out.privateText(from.id(), messages.get(MessageKey.PRIVATE_NOT_IN_GROUP, state.language()), List.of());
        return true;
    }

    /** A staff command about the role: {@code revoke}, or an assignment to whom the message names. */
    record Assignment(boolean revoke, String namedId) {
    }

    /** {@code /fasilitator ganti [id]} or {@code /fasilitator lepas}, typed in the group; empty for anything else. */
    static Optional<Assignment> assignment(Inbound inbound) {
        if (!(inbound instanceof Inbound.Message message) || message.edited() || message.privateChat()
                || message.from() == null) {
            return Optional.empty();
        }
        Optional<Command.Parsed> parsed = Command.parse(message.text());
        if (parsed.isEmpty() || parsed.get().command() != Command.CLAIM_FACILITATOR) {
            return Optional.empty();
        }
        String[] words = parsed.get().argument().split("\\s+");
        String verb = words[0].toLowerCase(java.util.Locale.ROOT);
        if (REVOKE.contains(verb)) {
            return Optional.of(new Assignment(true, null));
        }
        return ASSIGN.contains(verb) ? Optional.of(new Assignment(false, words.length > 1 ? words[1] : null))
                : Optional.empty();
    }

    /**
     * Whom staff make facilitator: the author of the message they replied to, else the member whose
     * id they wrote, as long as the group knows them and they are still in it; null when neither.
     */
    private static Member assignee(Assignment assignment, Inbound.Message message, GroupState state) {
        ChatUser replied = message.replyToUser();
        if (replied != null && !replied.bot()) {
            return member(replied);
        }
        Member named = assignment.namedId() == null ? null : state.members().get(assignment.namedId());
        return named != null && named.present() ? named : null;
    }

    /**
     * Only program staff ({@link StaffDirectory}) assign or revoke a facilitator; anyone else gets
     * one short refusal, and staff who named nobody the group knows are asked whom they mean.
     */
    private boolean assignmentRefused(Inbound inbound, GroupState state, Outputs out) {
        Optional<Assignment> assignment = assignment(inbound);
        if (assignment.isEmpty()) {
            return false;
        }
        Inbound.Message message = (Inbound.Message) inbound;
        MessageKey refusal;
        if (!out.inputs.fromStaff()) {
            log.info("Facilitator change in group {} by user {} refused: not staff", out.groupId, message.from().id());
            refusal = MessageKey.FACILITATOR_STAFF_ONLY;
        } else if (!assignment.get().revoke() && assignee(assignment.get(), message, state) == null) {
            refusal = MessageKey.FACILITATOR_ASSIGN_WHO;
        } else {
            return false;
        }
        out.text(messages.get(refusal, state.language(), Map.of("name", message.from().name())), List.of(), false,
                message.messageId(), null);
        return true;
    }

    /** Commands and buttons owned by features outside the dialogue ({@link ConversationHook}). */
    private boolean hook(Inbound inbound, GroupState state, Outputs out) {
        if (inbound instanceof Inbound.Message message && message.edited()) {
            return false;
        }
        ConversationHook.HookCall call = new ConversationHook.HookCall(out.groupId, out.chatId, state, inbound);
        for (ConversationHook hook : hooks) {
            Optional<ConversationHook.HookAnswer> answer = hook.answer(call);
            if (answer.isPresent()) {
                // a text for a button press answers the message the button is under
                String replyTo = inbound instanceof Inbound.Message message ? message.messageId()
                        : inbound instanceof Inbound.ButtonPressed pressed ? pressed.messageId() : null;
                answer.get().texts().forEach(t -> {
                    out.text(t.text(), t.buttons(), false, replyTo, null);
                    out.plan.improveLast(out.groupId, t.improve());
                });
                if (inbound instanceof Inbound.ButtonPressed pressed) {
                    out.callbackAnswer(pressed, answer.get().toast(), answer.get().alert());
                }
                return true;
            }
        }
        return false;
    }

    /** Whoever the entry names: the group joins their index of groups, for deleting their data later. */
    private static List<ChatUser> peopleIn(Inbound inbound) {
        List<ChatUser> people = new ArrayList<>();
        if (inbound instanceof Inbound.Message message && message.from() != null) {
            people.add(message.from());
        } else if (inbound instanceof Inbound.ButtonPressed pressed && pressed.from() != null) {
            people.add(pressed.from());
        } else if (inbound instanceof Inbound.MembersJoined joined) {
            if (joined.addedBy() != null) {
                people.add(joined.addedBy());
            }
            people.addAll(joined.members());
        } else if (inbound instanceof Inbound.MemberLeft left && left.member() != null) {
            people.add(left.member());
        } else if (inbound instanceof Inbound.PrivateAnswerGiven given && given.from() != null) {
            people.add(given.from());
        }
        return people;
    }

    // ---- inbound to events -------------------------------------------------------------

    private List<Event> events(Inbound inbound, GroupState state, String groupId, Outputs out) {
        Instant at = inbound.at();
        if (inbound instanceof Inbound.WakeUp) {
            return List.of(new Event.TimePassed(at));
        }
        if (inbound instanceof Inbound.ErasureRequested erasure) {
            return List.of(new Event.MemberErased(at, erasure.userId()));
        }
        if (inbound instanceof Inbound.Transcribed heard) {
            return List.of(new Event.AnswerTranscribed(at, heard.answerKey(), heard.fileUniqueId(), heard.transcript(),
                    out.inputs.storedAnswer()));
        }
        if (inbound instanceof Inbound.PrivateQuestionOpened opened) {
            // a question the flow no longer has is "" here: the engine tells the person it is closed
            return List.of(new Event.PrivateQuestionOpened(at, member(opened.from()), opened.stageKey(),
                    opened.round(), promptKey(opened.stageKey(), opened.promptIndex()).orElse("")));
        }
        if (inbound instanceof Inbound.PrivateAnswerGiven given) {
            return List.of(new Event.AnsweredPrivately(at, member(given.from()), PRIVATE_REF + given.messageId(),
                    given.stageKey(), given.round(), promptKey(given.stageKey(), given.promptIndex()).orElse(""),
                    given.text()));
        }
        if (inbound instanceof Inbound.MeetingReported meeting) {
            return List.of(new Event.MeetingRecorded(at, meeting.userId(), java.time.LocalDate.parse(meeting.date()),
                    meeting.attended(), meeting.women(), meeting.decisions(), meeting.photoFileId()));
        }
        if (inbound instanceof Inbound.GroupCounted counted) {
            // Telegram counts bots too; ours is one of them (others the bot cannot tell apart)
            return List.of(new Event.GroupSizeReported(at, Math.max(0, counted.members() - 1)));
        }
        if (inbound instanceof Inbound.MembersJoined joined) {
            List<Event> events = new ArrayList<>();
            if (joined.botAdded()) {
                events.add(new Event.BotAdded(at, member(joined.addedBy())));
            }
            for (ChatUser user : joined.members()) {
                if (!user.bot()) {
                    events.add(new Event.MemberJoined(at, member(user)));
                }
            }
            return events;
        }
        if (inbound instanceof Inbound.MemberLeft left) {
            return left.botRemoved() || left.member().bot() ? List.of()
                    : List.of(new Event.MemberLeft(at, left.member().id()));
        }
        if (inbound instanceof Inbound.ButtonPressed pressed) {
            return buttonEvents(pressed, state, out);
        }
        if (inbound instanceof Inbound.PollAnswered vote) {
            return pollVote(vote);
        }
        if (inbound instanceof Inbound.Message message) {
            return messageEvents(message, state, out.inputs);
        }
        return List.of();
    }

    private List<Event> messageEvents(Inbound.Message message, GroupState state, TurnInputs inputs) {
        Instant at = message.at();
        Member member = member(message.from());
        String text = message.text() == null ? "" : message.text();
        Optional<Command.Parsed> command = message.edited() ? Optional.empty() : Command.parse(text);
        Optional<Assignment> assignment = assignment(message);
        if (assignment.isPresent()) {
            // checked before the engine: the sender is staff, and the assignee is known
            Member assignee = assignment.get().revoke() ? null : assignee(assignment.get(), message, state);
            return List.of(new Event.FacilitatorAssigned(at, assignee, member.id(), message.messageId()));
        }
        if (command.isPresent()) {
            Command.Parsed parsed = command.get();
            String argument = parsed.command() == Command.UNKNOWN ? "/" + parsed.name() : parsed.argument();
            return List.of(new Event.CommandIssued(at, member, message.messageId(), parsed.command(), argument));
        }
        if (message.edited()) {
            return List.of(new Event.AnswerEdited(at, member, message.messageId(), text));
        }
        // Only replies to our messages are answers: other chatter in the group is none of our business.
        // A reply to a question whose delivery is not recorded yet answers the question asked last.
        String promptRef = inputs.repliedPrompt();
        if (promptRef == null && !message.replyToBot()) {
            return List.of();
        }
        AnswerMedia media = InboundMedia.toAnswer(message.media(), text);
        if (promptRef == null) {
            return List.of(new Event.MemberAnswered(at, member, message.messageId(), null, 0, null, text, media));
        }
        // The question replied to, whatever stage it belongs to: the engine decides whether it is
        // on time or late. A question the flow no longer has counts as the question asked last.
        String[] parts = promptRef.split("\\|");
        if (parts.length == 3 && parts[2].equals(CHECK_IN)) {
            return List.of(new Event.MemberAnswered(at, member, message.messageId(), parts[0], parseOr(parts[1], 1),
                    Effect.CheckIn.PROMPT_KEY, text));
        }
        Optional<Stage> stage = flow.stage(parts[0]);
        int index = parts.length == 3 ? parseOr(parts[2], -1) : -1;
        if (stage.isEmpty() || index < 0 || index >= stage.get().prompts().size()) {
            return List.of(new Event.MemberAnswered(at, member, message.messageId(), null, 0, null, text, media));
        }
        return List.of(new Event.MemberAnswered(at, member, message.messageId(), parts[0], parseOr(parts[1], 1),
                stage.get().prompts().get(index).key(), text, media));
    }

    private static int parseOr(String number, int otherwise) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private List<Event> buttonEvents(Inbound.ButtonPressed pressed, GroupState state, Outputs out) {
        Instant at = pressed.at();
        Member member = member(pressed.from());
        Optional<CallbackData> data = signer.open(pressed.data(), pressed.chatId());
        out.pendingToast = pressed;
        if (data.isEmpty()) {
            // made up, changed, or carried to another chat: it does nothing
            log.info("Ignoring a button whose data we did not make for chat {}", pressed.chatId());
            out.toast = messages.get(MessageKey.BUTTON_NOT_OURS, state.language());
            return List.of();
        }
        CallbackData callback = data.get();
        if (callback instanceof CallbackData.Answer answer) {
            Optional<Stage> stage = flow.stage(answer.stageKey());
            if (stage.isEmpty() || answer.promptIndex() >= stage.get().prompts().size()) {
                return List.of();
            }
            return List.of(new Event.OptionChosen(at, member, pressed.messageId(), answer.stageKey(), answer.round(),
                    stage.get().prompts().get(answer.promptIndex()).key(), answer.value()));
        }
        if (callback instanceof CallbackData.GroupCommand command) {
            return List.of(new Event.CommandIssued(at, member, pressed.messageId(), command.command(),
                    command.argument(), true));
        }
        if (callback instanceof CallbackData.FacilitatorCommand command) {
            return List.of(new Event.CommandIssued(at, member, null, command.command(), command.argument(), true));
        }
        // the knowledge buttons are answered by their hook before the engine is asked
        return List.of();
    }

    /**
     * A vote in a decision's poll: Telegram numbers the options from 0, as the decision numbers its
     * candidates; no option is a vote taken back. One answer per poll, so only the first counts.
     */
    private List<Event> pollVote(Inbound.PollAnswered vote) {
        String[] parts = vote.promptRef().split("\\|");
        Optional<Stage> stage = parts.length < 3 ? Optional.empty() : flow.stage(parts[0]);
        int index = parts.length < 3 ? -1 : parseOr(parts[2], -1);
        if (stage.isEmpty() || index < 0 || index >= stage.get().prompts().size()) {
            return List.of();
        }
        Integer candidate = vote.optionIds().isEmpty() ? null : vote.optionIds().get(0);
        return List.of(new Event.VoteCast(vote.at(), member(vote.from()), parts[0], parseOr(parts[1], 1),
                stage.get().prompts().get(index).key(), candidate));
    }

    /** What a private answer's message is called among the group's: never one of the group's messages. */
    static final String PRIVATE_REF = "private:";

    /** The key of the stage's prompt at {@code index}, when the flow has it (a changed flow may not). */
    private Optional<String> promptKey(String stageKey, int index) {
        return flow.stage(stageKey).filter(stage -> index >= 0 && index < stage.prompts().size())
                .map(stage -> stage.prompts().get(index).key());
    }

    private static Member member(ChatUser user) {
        return user == null ? Member.of("unknown", "?") : Member.of(user.id(), user.name());
    }

    // ---- effects to outputs ------------------------------------------------------------

    private void apply(List<Effect> effects, Inbound inbound, Outputs out, ConversationStore.Snapshot snapshot) {
        Plan plan = out.plan;
        GroupState state = plan.state;
        String lastAnsweredPromptRef = null;
        String introducedStage = null;
        for (Effect effect : effects) {
            if (effect instanceof Effect.Say say) {
                if (say.topic().equals(MessageKey.STAGE_INTRO.yamlKey())) {
                    introducedStage = flow.stage(state.stageIndex()).key();
                }
                out.text(say.text(), rows(say.buttons(), out.groupId, out.chatId), false, say.replyToRef(), null);
            } else if (effect instanceof Effect.AskPrompt ask) {
                String promptRef = promptRef(ask.stageKey(), ask.round(), ask.promptKey());
                List<List<OutButton>> buttons = new ArrayList<>(rows(ask.buttons(), out.groupId, out.chatId));
                String text = ask.text();
                if (ask.stageKey().equals(introducedStage)) {
                    // The intro and its first question are one message. "Why this stage matters" is a
                    // button under answer buttons; a typed question asks for a reply and carries no
                    // button, so there it is a line to type
                    if (buttons.isEmpty()) {
                        text = knowledge.whyHint(ask.stageKey(), state.language()).map(hint -> ask.text() + "\n\n" + hint)
                                .orElse(ask.text());
                    } else {
                        knowledge.whyButton(ask.stageKey(), state.language()).ifPresent(why -> buttons.add(List.of(why)));
                    }
                    introducedStage = null;
                }
                out.text(text, buttons, ask.kind().isTyped(), null, promptRef);
            } else if (effect instanceof Effect.AnswerRecorded recorded) {
                plan.answers.put(recorded.answer().key(), records.writeAnswer(recorded.answer()));
                // an answer given now stays in the answers hash until a summary takes it in
                plan.droppedAnswers.remove(recorded.answer().key());
                Answer answer = recorded.answer();
                if (speech.wanted(answer.media())) {
                    // written down after the commit, off the group's turn (ModelJobs); it comes back as an entry
                    plan.modelJobs.add(ModelJob.transcript(out.groupId + ":" + out.entryId + ":stt:" + answer.key(),
                            out.groupId, answer.key(), answer.media(), out.at));
                }
                lastAnsweredPromptRef = promptRef(answer.stageKey(), answer.round(), answer.promptKey());
            } else if (effect instanceof Effect.Acknowledge ack) {
                // No message and no reaction per answer: a button's toast, and the question's own
                // message shows the group's progress (one edit, the newest wins)
                if (inbound instanceof Inbound.ButtonPressed) {
                    out.toast = ack.text();
                }
                if (ack.progress() != null) {
                    String ref = promptRef(ack.stageKey(), ack.round(), ack.promptKey());
                    ConversationStore.AskedQuestion asked = plan.asked.getOrDefault(ref, snapshot.asked().get(ref));
                    if (asked != null) {
                        out.progress(ref, asked, ack.progress());
                    }
                }
            } else if (effect instanceof Effect.AnswerButton answer) {
                out.toast = answer.text();
            } else if (effect instanceof Effect.LateAnswersReached late) {
                lateAnswers(late, out, state);
            } else if (effect instanceof Effect.GoalFeedback feedback) {
                out.text(feedback.text(), List.of(), true, feedback.messageRef(), lastAnsweredPromptRef);
            } else if (effect instanceof Effect.NudgeQuietMembers nudge) {
                out.text(nudge.text(), List.of(), false, null, null);
            } else if (effect instanceof Effect.MilestoneReached milestone) {
                StageSummary summary = milestone.summary();
                plan.milestones.put(summary.stageKey() + ":" + summary.round(), records.writeSummary(summary));
                summary.prompts().forEach(p -> p.answers().forEach(a -> leftWithSummary(a, plan)));
                if (state.facilitatorId() != null) {
                    Outgoing message = out.privateText(state.facilitatorId(), facilitatorText(summary, state, out.at),
                            rows(milestone.facilitatorButtons(), out.groupId, state.facilitatorId()));
                    plan.holdIfDailyDigest(state.facilitatorId(), message);
                    improveSummary(plan, out.groupId, message, summary, state.language());
                    mediaCopies(summary.prompts().stream().flatMap(p -> p.answers().stream()).toList(), out, state);
                }
            } else if (effect instanceof Effect.SummaryRequested requested) {
                Outgoing message = out.privateText(requested.facilitatorId(),
                        facilitatorText(requested.summary(), state, out.at), List.of());
                improveSummary(plan, out.groupId, message, requested.summary(), state.language());
            } else if (effect instanceof Effect.ForgetMember forget) {
                plan.forgetMembers.add(forget.memberId());
                scrubMilestones(forget.memberId(), plan, out.inputs);
                plan.erasure = out.inputs.erasure();
            } else if (effect instanceof Effect.ScheduleWakeUp wake) {
                plan.wakeUps.add(wake.at());
            } else if (effect instanceof Effect.VoteOpened vote) {
                voteOpened(vote, out);
            } else if (effect instanceof Effect.VoteCounted counted) {
                // a poll shows its own count; a voting message shows it by an edit (the newest wins)
                String ref = promptRef(counted.stageKey(), counted.round(), counted.promptKey()) + BUTTONS_VOTE;
                ConversationStore.AskedQuestion asked = plan.asked.getOrDefault(ref, snapshot.asked().get(ref));
                if (asked != null) {
                    out.edits.put(ref, Outgoing.edit(out.nextId(), out.chatId, out.groupId, asked.outgoingId(),
                            counted.text(), rows(counted.buttons(), out.groupId, out.chatId), out.at));
                }
            } else if (effect instanceof Effect.VoteClosed closed) {
                voteClosed(closed, out, snapshot);
            } else if (effect instanceof Effect.DecisionAgreed agreed) {
                Outgoing message = Outgoing.text(out.nextId(), Outgoing.Lane.CONVERSATION, out.chatId, out.groupId,
                        agreed.text(), out.at);
                plan.outgoing.add(message);
                plan.outgoing.add(Outgoing.pin(out.nextId(), out.chatId, out.groupId, message.id(), out.at));
            } else if (effect instanceof Effect.SayPrivately say) {
                out.privateText(say.memberId(), say.text(), rows(say.buttons(), out.groupId, say.memberId()));
            } else if (effect instanceof Effect.CheckIn checkIn) {
                // a question of its own: replies to it are the plan's progress notes
                out.text(checkIn.text(), List.of(), true, null, checkInRef(checkIn.stageKey(), checkIn.round()));
            }
        }
    }

    /** How the voting message of a decision is remembered: its prompt reference and how it votes. */
    static final String POLL_VOTE = "|poll";
    static final String BUTTONS_VOTE = "|vote";

    /**
     * The vote: a poll where the channel has them and the candidates fit (Telegram: at most 10
     * options of 100 characters), else one message with a button per candidate. Either is one group message.
     */
    private void voteOpened(Effect.VoteOpened vote, Outputs out) {
        String ref = promptRef(vote.stageKey(), vote.round(), vote.promptKey());
        boolean polls = out.inputs.pollFit().fits(vote.question(), vote.options());
        if (polls) {
            out.plan.outgoing.add(Outgoing.poll(out.nextId(), out.chatId, out.groupId, vote.question(), vote.options(),
                    rows(vote.closeButtons(), out.groupId, out.chatId), out.at).asking(ref + POLL_VOTE));
        } else {
            out.text(vote.text(), rows(vote.buttons(), out.groupId, out.chatId), false, null, ref + BUTTONS_VOTE);
        }
    }

    /**
     * The vote ended: a poll is stopped (Telegram shows its final count) with the facilitator's
     * buttons under it; a voting message becomes the result, by an edit that must arrive.
     */
    private void voteClosed(Effect.VoteClosed closed, Outputs out, ConversationStore.Snapshot snapshot) {
        String ref = promptRef(closed.stageKey(), closed.round(), closed.promptKey());
        List<List<OutButton>> buttons = rows(closed.buttons(), out.groupId, out.chatId);
        ConversationStore.AskedQuestion poll = out.plan.asked.getOrDefault(ref + POLL_VOTE,
                snapshot.asked().get(ref + POLL_VOTE));
        ConversationStore.AskedQuestion message = out.plan.asked.getOrDefault(ref + BUTTONS_VOTE,
                snapshot.asked().get(ref + BUTTONS_VOTE));
        if (poll != null) {
            out.plan.outgoing.add(Outgoing.stopPoll(out.nextId(), out.chatId, out.groupId, poll.outgoingId(), buttons,
                    out.at));
        } else if (message != null) {
            out.edits.remove(ref + BUTTONS_VOTE);
            out.plan.outgoing.add(Outgoing.edit(out.nextId(), out.chatId, out.groupId, message.outgoingId(),
                    closed.text(), buttons, out.at).asLasting());
        } else {
            // nothing was put to the vote (one proposal): the result is a message of its own
            out.text(closed.text(), buttons, false, null, null);
        }
    }

    /**
     * Late answers: added to the stage's stored summary (which the dashboard and exports read), and
     * sent to the facilitator once, as a short addendum (held for the daily digest if they chose it).
     */
    private void lateAnswers(Effect.LateAnswersReached late, Outputs out, GroupState state) {
        String key = late.stageKey() + ":" + late.round();
        String stored = out.plan.milestones.getOrDefault(key, out.inputs.storedMilestones().get(key));
        if (stored != null) {
            StageSummary summary = records.readSummary(stored, flow);
            out.plan.milestones.put(key, records.writeSummary(summary.withLateAnswers(late.answers())));
            late.answers().forEach(a -> leftWithSummary(a, out.plan));
        }
        if (state.facilitatorId() != null) {
            Outgoing message = out.privateText(state.facilitatorId(), late.text(), List.of());
            out.plan.holdIfDailyDigest(state.facilitatorId(), message);
            mediaCopies(late.answers(), out, state);
        }
    }

    /**
     * The photos, voice notes and places among a summary's answers reach the facilitator right
     * after it, as copies of the members' messages (each once: the copies are part of this
     * entry's plan), captioned with who sent what; a stage's copies follow its summary together.
     */
    private void mediaCopies(List<Answer> answers, Outputs out, GroupState state) {
        for (Answer answer : answers) {
            if (answer.media() == null || answer.messageRef() == null) {
                continue;
            }
            Stage stage = flow.stage(answer.stageKey()).orElse(null);
            // who sent what; a machine transcript stays in the summary (captions end at 1024 characters)
            String caption = answer.media().kind().takesCaption()
                    ? summaries.answerLine(stage, answer.withMedia(answer.media().withTranscript(null)), state.language())
                    : null;
            Outgoing copy = Outgoing.copy(out.nextId(), state.facilitatorId(), out.groupId, out.chatId,
                    answer.messageRef(), caption, out.at);
            out.plan.outgoing.add(copy);
            out.plan.holdIfDailyDigest(state.facilitatorId(), copy);
        }
    }

    /**
     * How our messages name the prompt they ask: {@code stage|round|index} (the index keeps the
     * callback data short); with no prompt, the prefix every prompt of that stage and round shares.
     */
    private String promptRef(String stageKey, int round, String promptKey) {
        String stageRound = stageKey + "|" + round + "|";
        return promptKey == null ? stageRound
                : stageRound + flow.stage(stageKey).orElseThrow().indexOf(promptKey);
    }

    /** How a check-in message names itself, in place of a prompt's index. */
    private static final String CHECK_IN = "checkin";

    private static String checkInRef(String stageKey, int round) {
        return stageKey + "|" + round + "|" + CHECK_IN;
    }

    private String facilitatorText(StageSummary summary, GroupState state, Instant at) {
        Language language = state.language();
        String plan = PlanReport.forStage(state.plan(), summary.stageKey(),
                        at.atZone(java.time.ZoneId.of(state.zoneId())).toLocalDate(), messages, language)
                .map(text -> "\n\n" + text).orElse("");
        return summaries.render(summary, language) + plan + "\n\n" + knowledge.facilitatorExtras(summary, language);
    }

    /**
     * The model's summary for a facilitator's message this plan sends (dropped again if the message
     * waits for the daily digest, which is never edited: {@link Plan#applyDigestChoices}).
     */
    private void improveSummary(Plan plan, String conversation, Outgoing message, StageSummary summary,
                                Language language) {
        knowledge.improveSummary(conversation, message, summary, language).ifPresent(plan.modelJobs::add);
    }

    /**
     * An answer its stage's stored summary now holds leaves the answers hash ({@link GroupRecordCodec}),
     * unless this plan writes a different one under its key (a correction the summary does not have).
     */
    private void leftWithSummary(Answer answer, Plan plan) {
        String written = plan.answers.get(answer.key());
        if (written == null || written.equals(records.writeAnswer(answer))) {
            plan.droppedAnswers.add(answer.key());
        }
    }

    /** Removes a member from every stored summary of the group: their answers, name and count. */
    private void scrubMilestones(String memberId, Plan plan, TurnInputs inputs) {
        inputs.storedMilestones().forEach((key, json) -> {
            StageSummary summary = records.readSummary(plan.milestones.getOrDefault(key, json), flow);
            StageSummary scrubbed = new StageSummary(summary.groupId(), summary.stageKey(), summary.phaseKey(),
                    summary.stageNumber(), summary.stageCount(), summary.title(), summary.round(), summary.complete(),
                    summary.closedBy(),
                    summary.prompts().stream().map(p -> new StageSummary.PromptAnswers(p.promptKey(), p.kind(), p.text(),
                            p.answers().stream().filter(a -> !a.memberId().equals(memberId)).toList())).toList(),
                    summary.participants().stream().filter(p -> !p.member().id().equals(memberId)).toList(),
                    summary.quiet().stream().filter(m -> !m.id().equals(memberId)).toList(),
                    summary.next(), summary.at(), summary.residents(),
                    summary.decisions().stream().map(d -> d.withoutMember(memberId)).toList());
            plan.milestones.put(key, records.writeSummary(scrubbed));
        });
    }

    /**
     * Buttons one per row: easier to hit on a small screen. Signed for the chat they go to, so they
     * act there only; in a person's private chat ({@code chatId} is not the group's), for that person.
     */
    private List<List<OutButton>> rows(List<Button> buttons, String groupId, String chatId) {
        boolean privateChat = !ChatGateway.isGroupChat(chatId);
        List<List<OutButton>> rows = new ArrayList<>();
        for (Button button : buttons) {
            if (button.action() instanceof ButtonAction.AnswerPrivately privately) {
                rows.add(List.of(OutButton.startingPrivateChat(button.label(), new PrivateQuestionLink(groupId,
                        privately.stageKey(), privately.round(), flow.stage(privately.stageKey()).orElseThrow()
                        .indexOf(privately.promptKey())).payload(signer))));
                continue;
            }
            rows.add(List.of(new OutButton(button.label(),
                    signer.seal(callback(button.action(), groupId, privateChat), chatId))));
        }
        return rows;
    }

    private CallbackData callback(ButtonAction action, String groupId, boolean privateChat) {
        if (action instanceof ButtonAction.Choose choose) {
            int promptIndex = flow.stage(choose.stageKey()).map(s -> s.indexOf(choose.promptKey())).orElse(0);
            return new CallbackData.Answer(choose.stageKey(), choose.round(), promptIndex, choose.value());
        }
        ButtonAction.Run run = (ButtonAction.Run) action;
        return privateChat ? new CallbackData.FacilitatorCommand(groupId, run.command(), run.argument())
                : new CallbackData.GroupCommand(run.command(), run.argument());
    }

    /** Collects the outgoing messages of one entry, with ids derived from the entry id. */
    private final class Outputs {
        final String groupId;
        final String chatId;
        final String entryId;
        final Instant at;
        final Plan plan;
        final TurnInputs inputs;
        Inbound.ButtonPressed pendingToast;
        String toast;
        /** Progress edits of this entry, one per question: they go after its messages. */
        final Map<String, Outgoing> edits = new LinkedHashMap<>();

        Outputs(String groupId, String chatId, String entryId, Instant at, Plan plan, TurnInputs inputs) {
            this.inputs = inputs;
            this.groupId = groupId;
            this.chatId = chatId;
            this.entryId = entryId;
            this.at = at;
            this.plan = plan;
        }

        private String nextId() {
            return plan.nextId(groupId, entryId);
        }

        void text(String text, List<List<OutButton>> buttons, boolean forceReply, String replyTo, String promptRef) {
            plan.outgoing.add(Outgoing.text(nextId(), Outgoing.Lane.CONVERSATION, chatId, groupId, text, at)
                    .withButtons(buttons).forcingReply(forceReply && buttons.isEmpty()).replyingTo(replyTo)
                    .asking(promptRef));
        }

        Outgoing privateText(String userId, String text, List<List<OutButton>> buttons) {
            Outgoing message = Outgoing.text(nextId(), Outgoing.Lane.CONVERSATION, userId, groupId, text, at)
                    .withButtons(buttons);
            plan.outgoing.add(message);
            return message;
        }

        /** The question's message as it was sent, with the group's progress under it. */
        void progress(String promptRef, ConversationStore.AskedQuestion asked, String progress) {
            edits.put(promptRef, Outgoing.edit(nextId(), chatId, groupId,
                    asked.outgoingId(), asked.text() + "\n\n" + progress, asked.buttons(), at));
        }

        void callbackAnswer(Inbound.ButtonPressed pressed, String text) {
            callbackAnswer(pressed, text, false);
        }

        /**
         * First in the chat's queue: the person's button stops spinning before the group's messages
         * go out. No text: a plain tick. With {@code alert}, the text is a dialog for the presser.
         */
        void callbackAnswer(Inbound.ButtonPressed pressed, String text, boolean alert) {
            plan.outgoing.add(0, Outgoing.callbackAnswer(nextId(), pressed.chatId(), groupId, pressed.callbackId(),
                    text == null ? TICK : text, alert && text != null, at));
        }
    }
}
