package id.rembug.bot.broadcast;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ConversationHook;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The broadcast commands and buttons inside conversations: {@code /staf tambah <id>},
 * {@code /staf hapus <id>} (private chat or group) and {@code /laporan <id>} (private chat only:
 * a report names other groups) for staff, {@code /tag} in a group, and the RSVP
 * buttons under announcements ({@code v|<jobId>|<y|n|m>}). Everything stored here is idempotent,
 * as a {@link ConversationHook} must be.
 */
public class BroadcastCommands implements ConversationHook {

    private static final Logger log = LoggerFactory.getLogger(BroadcastCommands.class);
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}:_.-]{1,40}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern USER_ID = Pattern.compile("-?\\d{1,20}");

    private final StaffDirectory staff;
    private final GroupDirectory groups;
    private final BroadcastStore store;
    private final BroadcastService service;
    private final BroadcastTexts texts;

    public BroadcastCommands(StaffDirectory staff, GroupDirectory groups, BroadcastStore store,
                             BroadcastService service, BroadcastTexts texts) {
        this.staff = staff;
        this.groups = groups;
        this.store = store;
        this.service = service;
        this.texts = texts;
    }

    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        Language language = call.state() == null ? Language.ID : call.state().language();
        if (call.inbound() instanceof Inbound.ButtonPressed pressed && pressed.data() != null
                && pressed.data().startsWith(Vote.CALLBACK_PREFIX)) {
            return Optional.of(vote(call, pressed, language));
        }
        if (!(call.inbound() instanceof Inbound.Message message) || message.text() == null) {
            return Optional.empty();
        }
        String[] words = WHITESPACE.split(message.text().trim());
        String command = Command.firstWord(words[0]);
        String userId = message.from() == null ? null : message.from().id();
        return switch (command) {
            case "/staf", "/staff" -> Optional.of(staffCommand(words, userId, language));
            case "/laporan", "/report" -> Optional.of(call.privateChat() ? reportCommand(words, userId, language)
                    : HookAnswer.text(texts.get(BroadcastText.REPORT_PRIVATE_ONLY, language)));
            case "/tag" -> call.privateChat() ? Optional.empty()
                    : Optional.of(tagCommand(words, userId, call.conversation(), call.state(), language));
            default -> Optional.empty();
        };
    }

    private HookAnswer vote(HookCall call, Inbound.ButtonPressed pressed, Language language) {
        String[] parts = pressed.data().split("\\|", -1);
        Optional<Vote> vote = parts.length == 3 ? Vote.ofCode(parts[2]) : Optional.empty();
        if (vote.isEmpty() || call.privateChat() || pressed.from() == null || store.load(parts[1]).isEmpty()) {
            return HookAnswer.toast(texts.get(BroadcastText.VOTE_UNKNOWN, language));
        }
        store.vote(parts[1], call.conversation(), pressed.from().id(), vote.get());
        return HookAnswer.toast(texts.get(BroadcastText.VOTE_RECORDED, language,
                Map.of("choice", texts.get(vote.get().textKey, language))));
    }

    private HookAnswer staffCommand(String[] words, String userId, Language language) {
        if (!staff.isStaff(userId)) {
            return refuse("/staf", userId, language);
        }
        boolean add = words.length == 3 && (words[1].equalsIgnoreCase("tambah") || words[1].equalsIgnoreCase("add"));
        boolean remove = words.length == 3 && (words[1].equalsIgnoreCase("hapus") || words[1].equalsIgnoreCase("remove"));
        if (!add && !remove || !USER_ID.matcher(words[2]).matches()) {
            return HookAnswer.text(texts.get(BroadcastText.STAFF_USAGE, language));
        }
        if (remove) {
            StaffDirectory.Removal removal = staff.remove(words[2]);
            log.info("Staff member {} asked to remove {} from staff: {}", userId, words[2], removal);
            return HookAnswer.text(texts.get(switch (removal) {
                case REMOVED -> BroadcastText.STAFF_REMOVED;
                case CONFIGURED -> BroadcastText.STAFF_CONFIGURED;
                case NOT_STAFF -> BroadcastText.STAFF_NOT_FOUND;
            }, language, Map.of("id", words[2])));
        }
        staff.add(words[2]);
        log.info("Staff member {} added {} as staff", userId, words[2]);
        return HookAnswer.text(texts.get(BroadcastText.STAFF_ADDED, language, Map.of("id", words[2])));
    }

    /**
     * {@code /laporan <id>}: staff see any announcement's report; a facilitator sees the reports of
     * their own announcements, with who answered what in each of their groups.
     */
    private HookAnswer reportCommand(String[] words, String userId, Language language) {
        boolean isStaff = staff.isStaff(userId);
        if (words.length != 2) {
            return isStaff ? HookAnswer.text(texts.get(BroadcastText.REPORT_USAGE, language)) : refuse("/laporan", userId, language);
        }
        Optional<BroadcastJob> job = store.load(words[1]);
        boolean own = job.isPresent() && userId != null && userId.equals(job.get().createdBy())
                && job.get().target() instanceof Target.LedBy;
        if (!isStaff && !own) {
            return refuse("/laporan", userId, language);
        }
        if (words.length != 2) {
            return HookAnswer.text(texts.get(BroadcastText.REPORT_USAGE, language));
        }
        return service.report(words[1]).map(report -> HookAnswer.text(render(report, language)
                        + (own ? voters(words[1], language) : "")))
                .orElseGet(() -> HookAnswer.text(texts.get(BroadcastText.REPORT_UNKNOWN, language, Map.of("id", words[1]))));
    }

    /** Who answered what, group by group, by the names the groups know them by. */
    private String voters(String jobId, Language language) {
        StringBuilder text = new StringBuilder();
        store.voters(jobId).forEach((groupId, votes) -> {
            id.rembug.dialogues.engine.GroupState state = groups.state(groupId);
            text.append('\n').append(texts.get(BroadcastText.REPORT_VOTERS, language, Map.of("group", groupId,
                    "voters", votes.entrySet().stream()
                            .map(v -> (state == null ? v.getKey() : state.member(v.getKey()).name()) + " ("
                                    + texts.get(v.getValue().textKey, language) + ")")
                            .collect(java.util.stream.Collectors.joining(", ")))));
        });
        return text.toString();
    }

    public String render(BroadcastReport report, Language language) {
        StringBuilder text = new StringBuilder(texts.get(BroadcastText.REPORT, language, Map.of(
                "id", report.id(), "title", report.title(), "targets", report.targets(), "sent", report.sent(),
                "pending", report.pending(), "failed", report.failed(), "yes", report.rsvp().yes(),
                "no", report.rsvp().no(), "maybe", report.rsvp().maybe())));
        if (report.retried() > 0) {
            text.append('\n').append(texts.get(BroadcastText.REPORT_RETRIED, language, Map.of("count", report.retried())));
        }
        if (report.migrated() > 0) {
            text.append('\n').append(texts.get(BroadcastText.REPORT_MIGRATED, language, Map.of("count", report.migrated())));
        }
        for (BroadcastReport.Failure failure : report.failures()) {
            String reason = failure.reason() != null && failure.reason().toLowerCase(Locale.ROOT).contains("forbidden")
                    ? texts.get(BroadcastText.REASON_FORBIDDEN, language)
                    : texts.get(BroadcastText.REASON_OTHER, language, Map.of("detail", String.valueOf(failure.reason())));
            text.append('\n').append(texts.get(BroadcastText.REPORT_FAILURE, language,
                    Map.of("group", failure.groupId(), "reason", reason)));
        }
        return text.toString();
    }

    private HookAnswer tagCommand(String[] words, String userId, String groupId, GroupState state, Language language) {
        if (words.length == 1) {
            Set<String> tags = groups.tags(groupId, state);
            return HookAnswer.text(tags.isEmpty() ? texts.get(BroadcastText.TAG_NONE, language)
                    : texts.get(BroadcastText.TAG_LIST, language, Map.of("tags", String.join(", ", tags))));
        }
        if (!(state != null && state.isFacilitator(userId)) && !staff.isStaff(userId)) {
            log.info("User {} may not change the tags of group {}", userId, groupId);
            return HookAnswer.text(texts.get(BroadcastText.TAG_NOT_ALLOWED, language));
        }
        boolean remove = words.length == 3 && (words[1].equalsIgnoreCase("hapus") || words[1].equalsIgnoreCase("remove"));
        String raw = remove ? words[2] : words[1];
        if (words.length > (remove ? 3 : 2) || !TAG.matcher(raw).matches() || raw.startsWith(Target.STAGE_TAG_PREFIX)) {
            return HookAnswer.text(texts.get(BroadcastText.TAG_INVALID, language));
        }
        String tag = Target.Tags.normalise(raw);
        if (remove) {
            groups.removeTag(groupId, tag);
            return HookAnswer.text(texts.get(BroadcastText.TAG_REMOVED, language, Map.of("tag", tag)));
        }
        groups.addTag(groupId, tag);
        return HookAnswer.text(texts.get(BroadcastText.TAG_ADDED, language, Map.of("tag", tag)));
    }

    private HookAnswer refuse(String command, String userId, Language language) {
        log.warn("Refused {} from user {}: not staff", command, userId);
        return HookAnswer.text(texts.get(BroadcastText.NOT_STAFF, language));
    }
}
