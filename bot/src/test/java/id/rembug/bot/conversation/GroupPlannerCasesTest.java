package id.rembug.bot.conversation;

import id.rembug.bot.RembugApplication;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.testsupport.TestRedis;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planner's cases as data: every file under {@code src/test/resources/planner/} is a run of
 * inbox entries of one group through {@link GroupPlanner}, each with what {@link TurnLoader} would
 * have loaded for it and the plan expected back. The planner does no I/O, so the runner stands in
 * for the store: it carries the snapshot from plan to plan ({@code Snapshot.after}), the summaries
 * the plans stored, and the digest choices they wrote, which it gives a turn only when its plan asks
 * for them (and plans it again), as the processor does.
 *
 * <pre>
 * Sari: /fasilitator [leads]              a message (ids: the lower-cased name; message id m&lt;line&gt;);
 *                                         [leads] [member] [unknown]: Telegram's word on a claimant,
 *                                         [staff]: the sender is program staff
 * Ani replies to persiapan|1|0: Saya Ani  a reply to a question whose prompt the loader placed
 * Ani replies to the bot: halo            a reply to a message of ours that asked nothing we know
 * Ani presses persiapan|1|2=rt            an answer button (signed as the planner signs them)
 * Sari presses !ADVANCE persiapan:1       a command button in the group
 * Budi joins / Sari added the bot / +2d   members, the bot, a wake-up after time passed
 *   say asks persiapan|1|0 force-reply    the plan, one line per part: messages to the group (say),
 *   private sari buttons=3                to a person (private), toasts, progress edits (edit),
 *   answer persiapan:1:kenalan:ani        messages held for the digest (held), answers, milestones,
 *   = status ACTIVE                       wake-ups, user fields, forgotten members, questions kept;
 *                                         then checks of the state: status, facilitator, stage
 * </pre>
 */
@TestRedis
@SpringBootTest(classes = RembugApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rembug.dispatch.enabled=false", "rembug.simulator.enabled=false"})
class GroupPlannerCasesTest {

    private static final Pattern MESSAGE = Pattern.compile("^(\\S+): (.*?)((?: \\[[a-z ]+\\])*)$");
    private static final Pattern REPLY = Pattern.compile("^(\\S+) replies to (\\S+): (.*)$");
    private static final Pattern REPLY_TO_BOT = Pattern.compile("^(\\S+) replies to the bot: (.*)$");
    private static final Pattern PRESS_ANSWER = Pattern.compile("^(\\S+) presses ([a-z0-9-]+)\\|(\\d+)\\|(\\d+)=(\\S+)$");
    private static final Pattern PRESS_COMMAND = Pattern.compile("^(\\S+) presses !([A-Z_]+)(?: (\\S+))?$");
    private static final Pattern TIME = Pattern.compile("^\\+(\\d+)([dhm])$");

    @Autowired
    GroupPlanner planner;
    @Autowired
    ButtonSigner signer;
    @Autowired
    Messages messages;

    @TestFactory
    Stream<DynamicTest> everyPlannerCasePlansAsWritten() throws IOException, URISyntaxException {
        Path folder = Path.of(GroupPlannerCasesTest.class.getResource("/planner").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).as("planner case files").isNotEmpty();
        // -Drembug.planner.record=true writes each file back with the plans the planner makes now, under
        // target/planner-recorded/: a starting point for new cases, to be read before it is kept
        boolean record = Boolean.getBoolean("rembug.planner.record");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String played = play(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), record);
            if (record) {
                Path recorded = Path.of("target", "planner-recorded", file.getFileName().toString());
                Files.createDirectories(recorded.getParent());
                Files.writeString(recorded, played, StandardCharsets.UTF_8);
            }
        }));
    }

    /** Plays a case file; with {@code record}, returns it with every entry's plan written in. */
    String play(String name, String text, boolean record) {
        String chat = "-100777";
        ConversationStore.Snapshot snapshot = new ConversationStore.Snapshot(chat, null, "", chat, Map.of());
        Map<String, String> milestones = new LinkedHashMap<>();
        Map<String, String> digestChoices = new HashMap<>();
        Instant clock = Instant.parse("2026-01-05T02:00:00Z");
        StringBuilder out = new StringBuilder();
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            int lineNumber = ++i;
            if (line.isBlank() || line.startsWith("#")) {
                out.append(line).append('\n');
                continue;
            }
            if (line.startsWith(" ")) {
                throw new AssertionError(name + ":" + lineNumber + ": an expectation without an entry above it");
            }
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith(" ")) {
                expected.add(lines.get(i++).strip());
            }
            Matcher time = TIME.matcher(line);
            clock = time.matches() ? clock.plus(duration(time)) : clock.plus(Duration.ofMinutes(1));
            Entry entry = entry(name, lineNumber, line, chat, clock);
            GroupState state = snapshot.state();
            boolean touchesSummaries = entry.inbound() instanceof Inbound.WakeUp;
            // as the processor plays a turn: the digest choices are read only for a plan that asks for them
            TurnInputs inputs = new TurnInputs(entry.repliedPrompt(), entry.standing(), entry.staff(),
                    touchesSummaries ? milestones : null, null, TurnInputs.PollFit.NEVER);
            String entryId = "e" + lineNumber;
            Plan plan = planner.plan(snapshot, entry.inbound(), entryId, inputs);
            boolean choicesNeeded = !plan.digestChoicesNeeded().isEmpty();
            if (choicesNeeded) {
                assertThat(plan.digestChoicesNeeded()).as("%s:%d: whose digest choice", name, lineNumber)
                        .containsExactly(plan.state.facilitatorId());
                // as the processor does: the choices are read after planning, and applied
                plan.applyDigestChoices(plan.digestChoicesNeeded().stream()
                        .filter(reader -> GroupPlanner.DIGEST_DAILY.equals(digestChoices.get(reader)))
                        .collect(java.util.stream.Collectors.toSet()));
                assertThat(plan.digestChoicesNeeded()).as("%s:%d: the choices applied", name, lineNumber).isEmpty();
            }
            String facilitator = plan.state == null ? null : plan.state.facilitatorId();
            boolean toFacilitator = facilitator != null && (plan.digests.containsKey(facilitator)
                    || plan.outgoing.stream().anyMatch(m -> facilitator.equals(m.chatId())));
            assertThat(!choicesNeeded || toFacilitator).as("%s:%d: a digest choice read for a turn that sends "
                    + "the facilitator nothing", name, lineNumber).isTrue();
            List<String> actual = brief(plan, clock, plan.state == null ? Language.ID : plan.state.language());
            snapshot = snapshot.after(entryId, plan);
            milestones.putAll(plan.milestones);
            String choosing = plan.userId;
            if (choosing != null) {
                plan.userFields.forEach((field, value) -> {
                    if (field.equals(GroupPlanner.DIGEST_FIELD)) {
                        digestChoices.put(choosing, value);
                    }
                });
            }
            out.append(line).append('\n');
            actual.forEach(a -> out.append("  ").append(a).append('\n'));
            List<String> checks = expected.stream().filter(e -> e.startsWith("= ")).toList();
            checks.forEach(c -> out.append("  ").append(c).append('\n'));
            if (record) {
                continue;
            }
            List<String> expectedParts = expected.stream().filter(e -> !e.startsWith("= ")).toList();
            assertThat(actual).as("%s:%d: the plan for '%s'", name, lineNumber, line).isEqualTo(expectedParts);
            for (String check : checks) {
                String[] parts = check.substring(2).split("\\s+", 2);
                GroupState s = snapshot.state();
                String value = switch (parts[0]) {
                    case "status" -> s.status().name();
                    case "facilitator" -> s.facilitatorId() == null ? "none" : s.facilitatorId();
                    case "stage" -> Integer.toString(s.stageIndex() + 1);
                    default -> throw new AssertionError(name + ":" + lineNumber + ": unknown check " + parts[0]);
                };
                assertThat(value).as("%s:%d: %s after '%s'", name, lineNumber, parts[0], line).isEqualTo(parts[1]);
            }
        }
        return out.toString();
    }

    /** An inbox entry and what the loader would have loaded for it. */
    private record Entry(Inbound inbound, String repliedPrompt, ChatGateway.Standing standing, boolean staff) {
    }

    private Entry entry(String name, int lineNumber, String line, String chat, Instant at) {
        String update = "u" + lineNumber;
        String messageId = "m" + lineNumber;
        Matcher m;
        if (TIME.matcher(line).matches()) {
            return new Entry(new Inbound.WakeUp(update, chat, at), null, null, false);
        }
        if (line.endsWith(" joins")) {
            ChatUser joiner = person(line.substring(0, line.length() - " joins".length()));
            return new Entry(new Inbound.MembersJoined(update, chat, at, joiner, List.of(joiner), false), null, null,
                    false);
        }
        if (line.endsWith(" added the bot")) {
            ChatUser adder = person(line.substring(0, line.length() - " added the bot".length()));
            return new Entry(new Inbound.MembersJoined(update, chat, at, adder,
                    List.of(new ChatUser("bot", "Rembug", true)), true), null, null, false);
        }
        if ((m = PRESS_ANSWER.matcher(line)).matches()) {
            String data = signer.seal(new CallbackData.Answer(m.group(2), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), m.group(5)), chat);
            return new Entry(new Inbound.ButtonPressed(update, chat, false, at, person(m.group(1)), "cb" + lineNumber,
                    "q", data), null, null, false);
        }
        if ((m = PRESS_COMMAND.matcher(line)).matches()) {
            String data = signer.seal(new CallbackData.GroupCommand(Command.valueOf(m.group(2)),
                    m.group(3) == null ? "" : m.group(3)), chat);
            return new Entry(new Inbound.ButtonPressed(update, chat, false, at, person(m.group(1)), "cb" + lineNumber,
                    "q", data), null, null, false);
        }
        if ((m = REPLY_TO_BOT.matcher(line)).matches()) {
            return new Entry(new Inbound.Message(update, chat, false, at, person(m.group(1)), messageId, m.group(2), "q",
                    true, false), null, null, false);
        }
        if ((m = REPLY.matcher(line)).matches()) {
            return new Entry(new Inbound.Message(update, chat, false, at, person(m.group(1)), messageId, m.group(3), "q",
                    true, false), m.group(2), null, false);
        }
        if ((m = MESSAGE.matcher(line)).matches()) {
            String marks = m.group(3);
            ChatGateway.Standing standing = marks.contains("[leads]") ? ChatGateway.Standing.LEADS
                    : marks.contains("[member]") ? ChatGateway.Standing.MEMBER
                    : marks.contains("[unknown]") ? ChatGateway.Standing.UNKNOWN : null;
            return new Entry(new Inbound.Message(update, chat, false, at, person(m.group(1)), messageId, m.group(2),
                    null, false, false), null, standing, marks.contains("[staff]"));
        }
        throw new AssertionError(name + ":" + lineNumber + ": cannot read this line as an inbox entry: " + line);
    }

    private static ChatUser person(String name) {
        return ChatUser.person(name.strip().toLowerCase(Locale.ROOT), name.strip());
    }

    private static Duration duration(Matcher time) {
        long amount = Long.parseLong(time.group(1));
        return switch (time.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** The plan, one line per part, in a fixed order. */
    private List<String> brief(Plan plan, Instant at, Language language) {
        List<String> lines = new ArrayList<>();
        for (Outgoing message : plan.outgoing) {
            lines.add(brief(message, language));
        }
        plan.digests.forEach((user, held) -> held.forEach(message -> lines.add("held " + user)));
        plan.answers.keySet().forEach(key -> lines.add("answer " + key));
        plan.milestones.keySet().forEach(key -> lines.add("milestone " + key));
        plan.wakeUps.forEach(wake -> lines.add("wake +" + Duration.between(at, wake).toString()
                .substring(2).toLowerCase(Locale.ROOT)));
        plan.userFields.forEach((field, value) -> lines.add("user " + plan.userId + " " + field + "=" + value));
        plan.forgetMembers.forEach(member -> lines.add("forget " + member));
        plan.questions.values().forEach(prompt -> lines.add("question " + prompt));
        plan.modelJobs.forEach(job -> lines.add("model-job"));
        return lines;
    }

    private String brief(Outgoing message, Language language) {
        return switch (message.kind()) {
            case TEXT -> (ChatGateway.isGroupChat(message.chatId()) ? "say" : "private " + message.chatId())
                    + textKey(message.text(), language).map(key -> " " + key).orElse("")
                    + (message.promptRef() == null ? "" : " asks " + message.promptRef())
                    + (message.replyToMessageId() == null ? "" : " reply")
                    + (message.buttons().isEmpty() ? "" : " buttons=" + message.buttons().size())
                    + (message.forceReply() ? " force-reply" : "");
            case EDIT -> "edit-progress";
            case CALLBACK_ANSWER -> "toast" + (GroupPlanner.TICK.equals(message.text()) ? " tick" : "");
            case REACTION -> "reaction";
            case POLL -> "poll options=" + message.options().size() + " asks " + message.promptRef();
            case STOP_POLL -> "stop-poll";
            case PIN -> "pin";
            case COPY -> "copy " + message.chatId();
        };
    }

    /**
     * Which of our texts a message is, by matching it against every text's template (its
     * placeholders match anything): the cases name texts by key, so rewording one breaks none.
     * Empty for a message that is none of them whole (a question, lines merged into one).
     */
    private java.util.Optional<String> textKey(String text, Language language) {
        for (MessageKey key : MessageKey.values()) {
            String template = messages.get(key, language);
            String regex = java.util.Arrays.stream(template.split("\\{[a-zA-Z]+\\}", -1))
                    .map(Pattern::quote).collect(java.util.stream.Collectors.joining("[\\s\\S]*"));
            if (Pattern.compile(regex).matcher(text).matches()) {
                return java.util.Optional.of(key.yamlKey());
            }
        }
        return java.util.Optional.empty();
    }
}
