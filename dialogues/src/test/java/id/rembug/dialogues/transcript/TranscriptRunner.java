package id.rembug.dialogues.transcript;

import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Effect;
import id.rembug.dialogues.engine.Engine;
import id.rembug.dialogues.engine.EngineSettings;
import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.Step;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.MediaKind;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays a transcript file through the real engine and compares every step's effects with the
 * expected lines. The format is meant to be read and extended without Java:
 *
 * <pre>
 * # a comment
 * flow: flows/mini.yaml                 the flow resource (default flows/stock.yaml)
 * messages: flows/test-messages.yaml    the messages resource (default flows/messages.yaml)
 * start: 2026-01-05T09:00:00+07:00      the clock at the first event; each event moves it one minute
 * auto-advance-after: P1D               engine settings, ISO-8601 durations ("never" for none)
 * nudge-after: P2D
 * latecomer-grace: PT2M                 how long a ready stage waits for slower members (0: not at all)
 *
 * Ani joins                             a member joins (ids are the lower-cased names)
 * Ani leaves
 * Ani is erased                         Ani asked privately to be forgotten here
 * Fasil added the bot
 * Staf assigns Budi                     staff (checked by the channel) make Budi the facilitator
 * Staf revokes                          staff take the role away
 * size 6                                the channel counted 6 people in the group
 * Ani: Saya Ani                         an answer to the question asked last (message ref L&lt;line&gt;)
 * Ani [kenal.siapa]: Saya Ani           an answer replying to a given prompt
 * Ani edits L12: Saya Ani, guru         an edit of the answer sent on line 12
 * Ani: /mulai                           a command, parsed exactly as the channels parse it
 * Ani presses nilai.rasa=4              an answer button (stage.prompt=value, current round)
 * Ani presses !CONFIRM_DELETE           a command button
 * Fasil presses !ADVANCE kenal:1        a command button made for a stage (a summary's)
 * Ani votes tujuan.sasaran=2            a vote in a decision's poll for candidate 2 (1-based)
 * Ani unvotes tujuan.sasaran            the vote taken back (Telegram: a poll_answer with no options)
 * Ani [check-in]: air sudah mengalir    a reply to the plan's last check-in (a progress note)
 * Ani opens private kenal.rahasia      Ani opened her private chat from a sensitive question's
 *                                       button (current round; "opens private kenal.rahasia@1"
 *                                       names a round)
 * Ani privately kenal.rahasia: takut   Ani's answer to it, written in her private chat
 * Fasil records meeting 2026-01-10 12 7: kerja bakti tiap Sabtu
 *                                       a face-to-face meeting: date, how many came, how many
 *                                       women, the decisions (recorded in a private chat)
 * +2d  / +3h / +30m                     time passes: the clock moves on and the engine is told
 *   say stage-intro                     the expected effects of the event above, in order,
 *   ask kenal.siapa                     each as its Effect.brief(); "wake +2d" is relative to the
 *   wake +2d                            event's time; "..." allows further effects
 *   = status ACTIVE                     a check of the state after the event:
 *   = stage kenal                       status, stage, prompt (1-based), round, milestones,
 *                                       facilitator, language, answers (count), late (late
 *                                       answers not yet sent to the facilitator);
 *                                       decision stage.prompt (its state), agreed stage.prompt
 *                                       (the agreed text), tally stage.prompt (votes per candidate),
 *                                       memory stage.prompt (what later prompts quote)
 *                                       answers not yet sent to the facilitator), plan (the
 *                                       action plan as #number:status:owner:due, comma-separated),
 *                                       notes (progress notes), meetings (recorded meetings)
 * </pre>
 */
public final class TranscriptRunner {

    private static final Pattern ANSWER = Pattern.compile("^(\\S+)(?: \\[([a-z0-9-]+)\\.([a-z0-9-]+)\\])?: (.*)$");
    private static final Pattern EDIT = Pattern.compile("^(\\S+) edits L(\\d+): (.*)$");
    private static final Pattern PRESS_OPTION = Pattern.compile("^(\\S+) presses ([a-z0-9-]+)\\.([a-z0-9-]+)=(\\S+)$");
    private static final Pattern PRESS_COMMAND = Pattern.compile("^(\\S+) presses !([A-Z_]+)(?: (\\S+))?$");
    private static final Pattern ASSIGN = Pattern.compile("^(\\S+) assigns (\\S+)$");
    private static final Pattern REVOKE = Pattern.compile("^(\\S+) revokes$");
    private static final Pattern VOTE = Pattern.compile("^(\\S+) votes ([a-z0-9-]+)\\.([a-z0-9-]+)=(\\d+)$");
    private static final Pattern UNVOTE = Pattern.compile("^(\\S+) unvotes ([a-z0-9-]+)\\.([a-z0-9-]+)$");
    private static final Pattern CHECK_IN_REPLY = Pattern.compile("^(\\S+) \\[check-in\\]: (.*)$");
    private static final Pattern MEETING = Pattern.compile(
            "^(\\S+) records meeting (\\d{4}-\\d{2}-\\d{2}) (\\d+) (\\d+): (.*)$");
    private static final Pattern VOICE_NOTE = Pattern.compile("^(\\S+) sends a voice note of (\\d+)s$");
    private static final Pattern HEARD = Pattern.compile("^the machine hears L(\\d+): (.*)$");
    private static final Pattern OPEN_PRIVATE = Pattern.compile(
            "^(\\S+) opens private ([a-z0-9-]+)\\.([a-z0-9-]+)(?:@(\\d+))?$");
    private static final Pattern PRIVATE_ANSWER = Pattern.compile(
            "^(\\S+) privately ([a-z0-9-]+)\\.([a-z0-9-]+)(?:@(\\d+))?: (.*)$");
    private static final Pattern TIME_STEP = Pattern.compile("^\\+(\\d+)([dhm])$");

    private TranscriptRunner() {
    }

    /** A difference between what a transcript expected and what the engine did. */
    public static final class Mismatch extends AssertionError {
        Mismatch(String message) {
            super(message);
        }
    }

    public static GroupState run(String name, String text) {
        return run(name, text, null);
    }

    /**
     * Writes the transcript back with every event's expectations replaced by what the engine
     * did: a starting point for a new transcript, to be read and checked by a person.
     */
    public static String record(String name, String text) {
        StringBuilder out = new StringBuilder();
        run(name, text, out);
        return out.toString();
    }

    private static GroupState run(String name, String text, StringBuilder recording) {
        List<String> lines = text.lines().toList();
        String flowResource = "flows/stock.yaml";
        String messagesResource = "flows/messages.yaml";
        EngineSettings settings = EngineSettings.defaults();
        Instant clock = OffsetDateTime.parse("2026-01-05T09:00:00+07:00").toInstant();

        int first = 0;
        for (; first < lines.size(); first++) {
            String line = lines.get(first).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(": ");
            String key = colon < 0 ? "" : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 2).strip();
            switch (key) {
                case "flow" -> flowResource = value;
                case "messages" -> messagesResource = value;
                case "start" -> clock = OffsetDateTime.parse(value).toInstant();
                case "auto-advance-after" -> settings = settings.withAutoAdvanceAfter(
                        value.equals("never") ? null : Duration.parse(value));
                case "nudge-after" -> settings = settings.withNudgeAfter(Duration.parse(value));
                case "latecomer-grace" -> settings = settings.withLatecomerGrace(Duration.parse(value));
                default -> {
                    break;
                }
            }
            if (!List.of("flow", "messages", "start", "auto-advance-after", "nudge-after", "latecomer-grace")
                    .contains(key)) {
                break;
            }
        }

        Flow flow = FlowLoader.loadResource(flowResource);
        Messages messages = FlowLoader.loadMessagesResource(messagesResource);
        Engine engine = new Engine(flow, messages, new RuleBasedGoalChecker(), settings);
        GroupState state = engine.newGroup("transcript");
        // every answer as the channel stored it last, by the line it came in
        java.util.Map<String, Answer> recordedByRef = new java.util.HashMap<>();

        if (recording != null) {
            lines.subList(0, first).forEach(l -> recording.append(l).append('\n'));
        }
        int i = first;
        while (i < lines.size()) {
            String raw = lines.get(i);
            String line = raw.strip();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                if (recording != null) {
                    recording.append(raw).append('\n');
                }
                i++;
                continue;
            }
            if (raw.startsWith(" ")) {
                throw new Mismatch(name + ":" + lineNumber + ": expectation without an event above it: " + line);
            }
            Matcher time = TIME_STEP.matcher(line);
            Event event;
            if (time.matches()) {
                long amount = Long.parseLong(time.group(1));
                clock = clock.plus(switch (time.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMinutes(amount);
                });
                event = new Event.TimePassed(clock);
            } else {
                clock = clock.plus(Duration.ofMinutes(1));
                event = parseEvent(name, lineNumber, line, clock);
            }
            Instant eventTime = clock;

            List<String> expected = new ArrayList<>();
            i++;
            while (i < lines.size() && (lines.get(i).startsWith(" ") || lines.get(i).isBlank()
                    || lines.get(i).strip().startsWith("#"))) {
                String expectation = lines.get(i).strip();
                if (!expectation.isEmpty() && !expectation.startsWith("#")) {
                    expected.add(expectation);
                }
                i++;
            }

            if (event instanceof Event.AnswerTranscribed heard) {
                // the channel names the answer by its key and passes the stored one along
                String messageRef = heard.answerKey();
                Answer answer = java.util.stream.Stream.concat(state.answers().stream(), state.lateAnswers().stream())
                        .filter(a -> messageRef.equals(a.messageRef())).findFirst()
                        .orElse(recordedByRef.get(messageRef));
                event = new Event.AnswerTranscribed(heard.at(), answer == null ? messageRef : answer.key(),
                        heard.fileUniqueId(), heard.transcript(), answer);
            }
            if (event instanceof Event.OptionChosen chosen) {
                event = new Event.OptionChosen(chosen.at(), chosen.member(), chosen.messageRef(), chosen.stageKey(),
                        state.round(), chosen.promptKey(), chosen.value());
            }
            if (event instanceof Event.PrivateQuestionOpened opened && opened.round() == 0) {
                event = new Event.PrivateQuestionOpened(opened.at(), opened.member(), opened.stageKey(), state.round(),
                        opened.promptKey());
            }
            if (event instanceof Event.AnsweredPrivately answered && answered.round() == 0) {
                event = new Event.AnsweredPrivately(answered.at(), answered.member(), answered.messageRef(),
                        answered.stageKey(), state.round(), answered.promptKey(), answered.text());
            }
            if (event instanceof Event.VoteCast vote) {
                event = new Event.VoteCast(vote.at(), vote.member(), vote.stageKey(), state.round(), vote.promptKey(),
                        vote.candidate());
            }
            Step step = engine.step(state, event);
            state = step.state();
            step.effects().stream().filter(Effect.AnswerRecorded.class::isInstance).map(Effect.AnswerRecorded.class::cast)
                    .forEach(recorded -> recordedByRef.put(recorded.answer().messageRef(), recorded.answer()));
            if (recording != null) {
                recording.append(raw).append('\n');
                step.effects().forEach(e -> recording.append("  ").append(e.brief()).append('\n'));
                continue;
            }
            check(name, lineNumber, line, expected, step, eventTime, flow);
        }
        return state;
    }

    private static Event parseEvent(String name, int lineNumber, String line, Instant at) {
        String ref = "L" + lineNumber;
        Matcher m;
        if (line.endsWith(" joins")) {
            return new Event.MemberJoined(at, member(line.substring(0, line.length() - " joins".length())));
        }
        if (line.endsWith(" leaves")) {
            return new Event.MemberLeft(at, member(line.substring(0, line.length() - " leaves".length())).id());
        }
        if (line.endsWith(" is erased")) {
            return new Event.MemberErased(at, member(line.substring(0, line.length() - " is erased".length())).id());
        }
        if (line.endsWith(" added the bot")) {
            return new Event.BotAdded(at, member(line.substring(0, line.length() - " added the bot".length())));
        }
        if (line.startsWith("size ")) {
            return new Event.GroupSizeReported(at, Integer.parseInt(line.substring(5).strip()));
        }
        if ((m = ASSIGN.matcher(line)).matches()) {
            return new Event.FacilitatorAssigned(at, member(m.group(2)), member(m.group(1)).id(), ref);
        }
        if ((m = REVOKE.matcher(line)).matches()) {
            return new Event.FacilitatorAssigned(at, null, member(m.group(1)).id(), ref);
        }
        if ((m = EDIT.matcher(line)).matches()) {
            return new Event.AnswerEdited(at, member(m.group(1)), "L" + m.group(2), m.group(3));
        }
        if ((m = PRESS_OPTION.matcher(line)).matches()) {
            // the round is filled in from the state when the event is applied
            return new Event.OptionChosen(at, member(m.group(1)), ref, m.group(2), 0, m.group(3), m.group(4));
        }
        if ((m = VOTE.matcher(line)).matches()) {
            return new Event.VoteCast(at, member(m.group(1)), m.group(2), 0, m.group(3),
                    Integer.parseInt(m.group(4)) - 1);
        }
        if ((m = UNVOTE.matcher(line)).matches()) {
            return new Event.VoteCast(at, member(m.group(1)), m.group(2), 0, m.group(3), null);
        }
        if ((m = PRESS_COMMAND.matcher(line)).matches()) {
            return new Event.CommandIssued(at, member(m.group(1)), ref, Command.valueOf(m.group(2)),
                    m.group(3) == null ? "" : m.group(3), true);
        }
        if ((m = CHECK_IN_REPLY.matcher(line)).matches()) {
            return new Event.MemberAnswered(at, member(m.group(1)), ref, null, 0, Effect.CheckIn.PROMPT_KEY,
                    m.group(2));
        }
        if ((m = OPEN_PRIVATE.matcher(line)).matches()) {
            return new Event.PrivateQuestionOpened(at, member(m.group(1)), m.group(2),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(3));
        }
        if ((m = PRIVATE_ANSWER.matcher(line)).matches()) {
            return new Event.AnsweredPrivately(at, member(m.group(1)), "P" + lineNumber, m.group(2),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(3), m.group(5));
        }
        if ((m = MEETING.matcher(line)).matches()) {
            return new Event.MeetingRecorded(at, member(m.group(1)).id(), java.time.LocalDate.parse(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(5), null);
        }
        if ((m = VOICE_NOTE.matcher(line)).matches()) {
            return new Event.MemberAnswered(at, member(m.group(1)), ref, null, 0, null, "",
                    new AnswerMedia(MediaKind.VOICE, "file-" + ref, "voice-" + ref, Integer.parseInt(m.group(2)), 20_480L,
                            null, null, null, null, "audio/ogg", null));
        }
        if ((m = HEARD.matcher(line)).matches()) {
            // the answer's key is found when the event is applied
            return new Event.AnswerTranscribed(at, "L" + m.group(1), "voice-L" + m.group(1), m.group(2), null);
        }
        if ((m = ANSWER.matcher(line)).matches()) {
            Member member = member(m.group(1));
            String text = m.group(4);
            var command = Command.parse(text);
            if (command.isPresent()) {
                Command.Parsed parsed = command.get();
                String argument = parsed.command() == Command.UNKNOWN ? "/" + parsed.name() : parsed.argument();
                return new Event.CommandIssued(at, member, ref, parsed.command(), argument);
            }
            return new Event.MemberAnswered(at, member, ref, m.group(2), 0, m.group(3), text);
        }
        throw new Mismatch(name + ":" + lineNumber + ": cannot read this line as an event: " + line);
    }

    private static Member member(String name) {
        String trimmed = name.strip();
        return Member.of(trimmed.toLowerCase(Locale.ROOT), trimmed);
    }

    private static void check(String name, int lineNumber, String line, List<String> expected, Step step,
                              Instant eventTime, Flow flow) {
        List<String> expectedEffects = new ArrayList<>();
        List<String> stateChecks = new ArrayList<>();
        boolean open = false;
        for (String expectation : expected) {
            if (expectation.startsWith("= ")) {
                stateChecks.add(expectation.substring(2).strip());
            } else if (expectation.equals("...")) {
                open = true;
            } else {
                expectedEffects.add(expectation);
            }
        }
        List<String> actual = step.effects().stream().map(Effect::brief).toList();
        boolean matches = open ? actual.size() >= expectedEffects.size() : actual.size() == expectedEffects.size();
        for (int k = 0; matches && k < expectedEffects.size(); k++) {
            matches = same(expectedEffects.get(k), actual.get(k), eventTime);
        }
        if (!matches) {
            throw new Mismatch(name + ":" + lineNumber + ": after '" + line + "'\n  expected:\n    "
                    + String.join("\n    ", expectedEffects) + (open ? "\n    ..." : "")
                    + "\n  but the engine did:\n    " + String.join("\n    ", actual));
        }
        for (String stateCheck : stateChecks) {
            String[] parts = stateCheck.split("\\s+", 2);
            String expectedValue = parts.length > 1 ? parts[1] : "";
            GroupState s = step.state();
            String actualValue = switch (parts[0]) {
                case "status" -> s.status().name();
                case "stage" -> flow.stage(s.stageIndex()).key();
                case "prompt" -> Integer.toString(s.promptIndex() + 1);
                case "round" -> Integer.toString(s.round());
                case "milestones" -> Integer.toString(s.milestones());
                case "facilitator" -> s.facilitatorId() == null ? "none" : s.member(s.facilitatorId()).name();
                case "language" -> s.language().code();
                case "answers" -> Integer.toString(s.answers().size());
                case "late" -> Integer.toString(s.lateAnswers().size());
                case "decision", "agreed", "tally" -> {
                    String[] ref = expectedValue.split("\\s+", 2)[0].split("\\.");
                    expectedValue = expectedValue.contains(" ") ? expectedValue.substring(expectedValue.indexOf(' ') + 1) : "";
                    var decision = s.decisions().stream().filter(d -> d.stageKey().equals(ref[0])
                            && d.promptKey().equals(ref[1])).reduce((a, b) -> b);
                    yield decision.map(d -> switch (parts[0]) {
                        case "decision" -> d.state().name();
                        case "agreed" -> String.valueOf(d.agreed());
                        default -> d.tally().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
                    }).orElse("none");
                }
                case "memory" -> {
                    String ref = expectedValue.split("\\s+", 2)[0];
                    expectedValue = expectedValue.contains(" ") ? expectedValue.substring(expectedValue.indexOf(' ') + 1) : "";
                    yield String.valueOf(s.memory().get(ref));
                }
                case "plan" -> s.plan().actions().stream()
                        .map(a -> "#" + a.number() + ":" + a.status().name().toLowerCase(Locale.ROOT) + ":"
                                + (a.ownerName() == null ? "?" : a.ownerName()) + ":" + a.due())
                        .collect(java.util.stream.Collectors.joining(","));
                case "notes" -> Integer.toString(s.plan().notes().size());
                case "meetings" -> Integer.toString(s.plan().meetings().size());
                default -> throw new Mismatch(name + ":" + lineNumber + ": unknown state check '" + parts[0] + "'");
            };
            if (!actualValue.equals(expectedValue)) {
                throw new Mismatch(name + ":" + lineNumber + ": after '" + line + "' expected " + parts[0] + " "
                        + expectedValue + " but it is " + actualValue);
            }
        }
    }

    private static boolean same(String expected, String actual, Instant eventTime) {
        if (expected.startsWith("wake +")) {
            Matcher m = TIME_STEP.matcher(expected.substring("wake ".length()));
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                Duration duration = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMinutes(amount);
                };
                return actual.equals("wake " + eventTime.plus(duration));
            }
        }
        return expected.equals(actual);
    }
}
