package id.rembug.bot.plan;

import id.rembug.bot.broadcast.GroupDirectory;
import id.rembug.bot.broadcast.Target;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.conversation.ConversationHook;
import id.rembug.dialogues.dates.IndonesianDates;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Engine;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /catat}: the facilitator records a face-to-face meeting in their private chat with the
 * bot, in one line (or as a flipchart photo's caption): which group when they lead several, the
 * day, how many came and how many women, and the decisions. The record goes to the group's own
 * inbox, so it joins the group's state in the group's order (the engine confirms it privately);
 * its id comes from the message's update id, so a message delivered twice records it once.
 */
@Component
public class MeetingNotes implements ConversationHook {

    private static final Logger log = LoggerFactory.getLogger(MeetingNotes.class);
    static final Set<String> NAMES = Set.of("/catat", "/record");

    private static final Pattern GROUP = Pattern.compile("(?:\\bgrup|\\bgroup|#)\\s*(\\d{1,3})\\b");
    // "hadir 15" before "15 orang": in "hadir 15 perempuan 8" the 15 is who came, not the women
    private static final List<Pattern> ATTENDED = List.of(
            Pattern.compile("\\b(?:hadir|datang|came|attended)\\s*:?\\s*(\\d{1,4})\\b"),
            Pattern.compile("\\b(\\d{1,4})\\s*(?:orang|hadir|people)\\b"));
    private static final List<Pattern> WOMEN = List.of(
            Pattern.compile("\\b(?:perempuan|wanita|women)\\s*:?\\s*(\\d{1,4})\\b"),
            Pattern.compile("\\b(\\d{1,4})\\s*(?:perempuan|wanita|women)\\b"));
    private static final Pattern DECISIONS = Pattern.compile("\\b(?:keputusan|decisions?)\\s*:?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final GroupDirectory groups;
    private final InboxWriter inbox;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId defaultZone;

    public MeetingNotes(GroupDirectory groups, InboxWriter inbox, Messages messages, Clock clock, Engine engine) {
        this.groups = groups;
        this.inbox = inbox;
        this.messages = messages;
        this.clock = clock;
        this.defaultZone = engine.settings().defaultZone();
    }

    /** A meeting as the facilitator wrote it, read. */
    record Note(OptionalInt group, LocalDate date, int attended, int women, String decisions) {
    }

    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        if (!(call.inbound() instanceof Inbound.Message message) || message.text() == null || message.from() == null
                || message.edited()) {
            return Optional.empty();
        }
        String text = message.text().strip();
        String command = Command.firstWord(text);
        if (!NAMES.contains(command)) {
            return Optional.empty();
        }
        Language language = call.state() == null ? Language.ID : call.state().language();
        if (!call.privateChat()) {
            return Optional.of(HookAnswer.text(messages.get(MessageKey.MEETING_PRIVATE_ONLY, language)));
        }
        String userId = message.from().id();
        List<String> led = groups.matching(new Target.LedBy(userId));
        if (led.isEmpty()) {
            return Optional.of(HookAnswer.text(messages.get(MessageKey.MEETING_NO_GROUP, language)));
        }
        String rest = text.substring(command.length()).strip();
        ZoneId zone = Optional.ofNullable(groups.view(led.get(0)).zoneId()).map(ZoneId::of).orElse(defaultZone);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Optional<Note> note = read(rest, today);
        if (note.isEmpty()) {
            return Optional.of(HookAnswer.text(messages.get(MessageKey.MEETING_USAGE, language)));
        }
        if (note.get().date().isAfter(today)) {
            return Optional.of(HookAnswer.text(messages.get(MessageKey.MEETING_FUTURE, language,
                    Map.of("date", note.get().date().toString()))));
        }
        String groupId;
        OptionalInt chosen = note.get().group();
        if (led.size() == 1) {
            groupId = led.get(0);
        } else if (chosen.isPresent() && chosen.getAsInt() >= 1 && chosen.getAsInt() <= led.size()) {
            groupId = led.get(chosen.getAsInt() - 1);
        } else {
            return Optional.of(HookAnswer.text(messages.get(MessageKey.MEETING_WHICH_GROUP, language,
                    Map.of("groups", groupList(led)))));
        }
        String photo = message.media() != null && "photo".equals(message.media().kind()) ? message.media().fileId()
                : null;
        inbox.append(List.of(new Inbound.MeetingReported("meeting:" + message.updateId(), groupId, message.at(),
                userId, note.get().date().toString(), note.get().attended(), note.get().women(),
                note.get().decisions(), photo)));
        log.info("Facilitator {} recorded a meeting of group {}", userId, groupId);
        // the group's turn confirms it, in this chat
        return Optional.of(new HookAnswer(List.of(), null));
    }

    /** Reads the one line; empty when it says nothing of how many came, or no decisions. */
    static Optional<Note> read(String text, LocalDate today) {
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher decisionsAt = DECISIONS.matcher(text);
        if (!decisionsAt.find()) {
            return Optional.empty();
        }
        String decisions = text.substring(decisionsAt.end()).strip();
        String head = lower.substring(0, decisionsAt.start());
        OptionalInt came = number(ATTENDED, head);
        if (decisions.isEmpty() || came.isEmpty()) {
            return Optional.empty();
        }
        int womenCame = number(WOMEN, head).orElse(0);
        Matcher group = GROUP.matcher(head);
        OptionalInt groupNumber = group.find() ? OptionalInt.of(Integer.parseInt(group.group(1))) : OptionalInt.empty();
        String dayText = GROUP.matcher(head).replaceAll(" ");
        LocalDate date = IndonesianDates.read(dayText, today)
                // a meeting has happened: "Sabtu" is the last Saturday, "14/1" this year's
                .map(r -> r.date().isAfter(today) && !r.rollover().isZero() ? r.date().minus(r.rollover()) : r.date())
                .orElse(today);
        return Optional.of(new Note(groupNumber, date, came.getAsInt(), Math.min(womenCame, came.getAsInt()),
                decisions));
    }

    private static OptionalInt number(List<Pattern> ways, String text) {
        for (Pattern way : ways) {
            Matcher m = way.matcher(text);
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private String groupList(List<String> led) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < led.size(); i++) {
            GroupDirectory.GroupView view = groups.view(led.get(i));
            text.append(i + 1).append(". ").append(view.groupId());
            view.tags().stream().filter(t -> !t.startsWith(Target.STAGE_TAG_PREFIX)).findFirst()
                    .ifPresent(tag -> text.append(" (").append(tag).append(')'));
            if (i < led.size() - 1) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
