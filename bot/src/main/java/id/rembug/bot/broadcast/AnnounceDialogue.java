package id.rembug.bot.broadcast;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.conversation.ConversationHook;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /umumkan}: a staff member's guided announcement in their private chat with the bot:
 * title, date and time, place, agenda, which groups (with a count), now or later, a preview,
 * and "kirim" to send. A facilitator who is not staff announces the same way to the groups they
 * lead, and to no other: the step that picks the groups is skipped. The draft lives in {@code rembug:broadcast:draft:<userId>} (a day).
 *
 * <p>A redelivered message (same update id as the last one applied) gets the same reply again
 * and changes nothing; the confirmation creates the job at most once ({@link BroadcastService#createOnce}).
 */
public class AnnounceDialogue implements ConversationHook {

    private static final Logger log = LoggerFactory.getLogger(AnnounceDialogue.class);
    private static final Duration DRAFT_KEPT = Duration.ofDays(1);
    private static final Set<String> START = Set.of("/umumkan", "/announce");
    private static final Set<String> CANCEL = Set.of("/batal", "/cancel");
    private static final Set<String> NOW = Set.of("sekarang", "now", "kirim sekarang");
    private static final Set<String> CONFIRM = Set.of("kirim", "ya", "send", "yes");
    private static final Language LANGUAGE = Language.ID;

    enum Step { TITLE, WHEN, PLACE, AGENDA, TARGET, SEND_AT, CONFIRM }

    private final StringRedisTemplate redis;
    private final StaffDirectory staff;
    private final GroupDirectory groups;
    private final BroadcastService service;
    private final BroadcastTexts texts;
    private final BroadcastMessages messages;
    private final MeetingTimeParser times;
    private final ZoneId zone;

    public AnnounceDialogue(StringRedisTemplate redis, StaffDirectory staff, GroupDirectory groups,
                            BroadcastService service, BroadcastTexts texts, BroadcastProperties properties, Clock clock) {
        this.redis = redis;
        this.staff = staff;
        this.groups = groups;
        this.service = service;
        this.texts = texts;
        this.messages = new BroadcastMessages(texts);
        this.zone = properties.broadcast().zone();
        this.times = new MeetingTimeParser(clock, zone);
    }

    static String draftKey(String userId) {
        return BroadcastKeys.draft(userId);
    }

    @Override
    public Optional<HookAnswer> answer(HookCall call) {
        if (!call.privateChat() || !(call.inbound() instanceof Inbound.Message message) || message.text() == null
                || message.from() == null) {
            return Optional.empty();
        }
        String userId = message.from().id();
        String text = message.text().trim();
        String command = Command.firstWord(text);
        String key = draftKey(userId);
        Map<String, String> draft = new HashMap<>(redis.<String, String>opsForHash().entries(key));
        if (START.contains(command)) {
            if (!staff.isStaff(userId) && service.countTargets(new Target.LedBy(userId)) == 0) {
                log.warn("Refused /umumkan from user {}: neither staff nor a facilitator", userId);
                return Optional.of(HookAnswer.text(texts.get(BroadcastText.NOT_STAFF_OR_FACILITATOR, LANGUAGE)));
            }
            draft.clear();
            return Optional.of(reply(key, Map.of("step", Step.TITLE.name()), message, texts.get(BroadcastText.ANNOUNCE_TITLE, LANGUAGE), true));
        }
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        if (message.updateId().equals(draft.get("lastUpdate"))) {
            return Optional.of(HookAnswer.text(draft.get("lastReply")));
        }
        if (CANCEL.contains(command)) {
            redis.delete(key);
            return Optional.of(HookAnswer.text(texts.get(BroadcastText.ANNOUNCE_CANCELLED, LANGUAGE)));
        }
        if (text.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(next(key, draft, message, text, userId));
    }

    private HookAnswer next(String key, Map<String, String> draft, Inbound.Message message, String text, String userId) {
        Step step = Step.valueOf(draft.get("step"));
        String lower = text.toLowerCase(Locale.ROOT);
        switch (step) {
            case TITLE -> {
                return reply(key, Map.of("step", Step.WHEN.name(), "title", text), message,
                        texts.get(BroadcastText.ANNOUNCE_WHEN, LANGUAGE), false);
            }
            case WHEN -> {
                Optional<ZonedDateTime> at = times.parse(text);
                if (at.isEmpty()) {
                    return reply(key, Map.of(), message, texts.get(BroadcastText.ANNOUNCE_WHEN_AGAIN, LANGUAGE), false);
                }
                return reply(key, Map.of("step", Step.PLACE.name(), "startsAt", at.get().toString()), message,
                        texts.get(BroadcastText.ANNOUNCE_PLACE, LANGUAGE, Map.of("when", BroadcastMessages.when(at.get(), LANGUAGE))),
                        false);
            }
            case PLACE -> {
                return reply(key, Map.of("step", Step.AGENDA.name(), "place", text), message,
                        texts.get(BroadcastText.ANNOUNCE_AGENDA, LANGUAGE), false);
            }
            case AGENDA -> {
                if (!staff.isStaff(userId)) {
                    // a facilitator's announcement goes to their own groups
                    Target own = new Target.LedBy(userId);
                    return reply(key, Map.of("step", Step.SEND_AT.name(), "agenda", text, "target", own.encode()),
                            message, texts.get(BroadcastText.ANNOUNCE_SEND_AT_OWN, LANGUAGE,
                                    Map.of("count", service.countTargets(own))), false);
                }
                return reply(key, Map.of("step", Step.TARGET.name(), "agenda", text), message,
                        texts.get(BroadcastText.ANNOUNCE_TARGET, LANGUAGE), false);
            }
            case TARGET -> {
                Optional<Target> target = target(lower);
                int count = target.map(service::countTargets).orElse(0);
                if (count == 0) {
                    return reply(key, Map.of(), message, texts.get(BroadcastText.ANNOUNCE_TARGET_NONE, LANGUAGE), false);
                }
                return reply(key, Map.of("step", Step.SEND_AT.name(), "target", target.get().encode()), message,
                        texts.get(BroadcastText.ANNOUNCE_SEND_AT, LANGUAGE, Map.of("count", count)), false);
            }
            case SEND_AT -> {
                ZonedDateTime startsAt = ZonedDateTime.parse(draft.get("startsAt"));
                Optional<Instant> sendAt = NOW.contains(lower) ? Optional.of(Instant.EPOCH)
                        : times.parse(text).map(ZonedDateTime::toInstant).filter(t -> t.isBefore(startsAt.toInstant()));
                if (sendAt.isEmpty()) {
                    return reply(key, Map.of(), message, texts.get(BroadcastText.ANNOUNCE_SEND_AT_AGAIN, LANGUAGE), false);
                }
                Map<String, String> updated = new HashMap<>(draft);
                updated.put("sendAt", Long.toString(sendAt.get().toEpochMilli()));
                return reply(key, Map.of("step", Step.CONFIRM.name(), "sendAt", updated.get("sendAt")), message,
                        preview(updated), false);
            }
            case CONFIRM -> {
                if (!CONFIRM.contains(lower)) {
                    return reply(key, Map.of(), message, texts.get(BroadcastText.ANNOUNCE_CONFIRM_AGAIN, LANGUAGE), false);
                }
                Instant sendAt = sendAt(draft);
                BroadcastJob job = service.createOnce("draft:" + userId + ":" + message.updateId(), announcement(draft),
                        Target.decode(draft.get("target")), sendAt, userId);
                redis.delete(key);
                log.info("User {} created broadcast {}", userId, job.id());
                return HookAnswer.text(texts.get(BroadcastText.ANNOUNCE_DONE, LANGUAGE,
                        Map.of("id", job.id(), "sendAt", sendAtText(sendAt))));
            }
            default -> throw new IllegalStateException("unknown step " + step);
        }
    }

    private Optional<Target> target(String lower) {
        String[] words = lower.split("\\s+");
        if (words.length == 1 && (words[0].equals("semua") || words[0].equals("all"))) {
            return Optional.of(new Target.All());
        }
        String stage = words.length == 2 && (words[0].equals("tahap") || words[0].equals("stage")) ? words[1]
                : words.length == 1 && words[0].startsWith(Target.STAGE_TAG_PREFIX) ? words[0].substring(6) : null;
        if (stage != null) {
            return groups.knowsStage(stage) ? Optional.of(new Target.AtStage(stage)) : Optional.empty();
        }
        String tag = words.length == 2 && words[0].equals("tag") ? words[1] : words.length == 1 ? words[0] : null;
        return tag == null ? Optional.empty() : Optional.of(new Target.Tagged(Target.Tags.normalise(tag)));
    }

    private String preview(Map<String, String> draft) {
        Announcement announcement = announcement(draft);
        Target target = Target.decode(draft.get("target"));
        return texts.get(BroadcastText.ANNOUNCE_PREVIEW, LANGUAGE, Map.of("count", service.countTargets(target),
                "sendAt", sendAtText(sendAt(draft)),
                "preview", messages.text(announcement, 0, LANGUAGE, announcement.startsAt().getZone())));
    }

    private Instant sendAt(Map<String, String> draft) {
        long millis = Long.parseLong(draft.get("sendAt"));
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    private String sendAtText(Instant sendAt) {
        return sendAt == null ? texts.get(BroadcastText.ANNOUNCE_SEND_NOW, LANGUAGE)
                : BroadcastMessages.when(sendAt.atZone(zone), LANGUAGE);
    }

    private static Announcement announcement(Map<String, String> draft) {
        return new Announcement(draft.get("title"), ZonedDateTime.parse(draft.get("startsAt")), draft.get("place"),
                draft.get("agenda"));
    }

    private HookAnswer reply(String key, Map<String, String> changes, Inbound.Message message, String text,
                             boolean fresh) {
        if (fresh) {
            redis.delete(key);
        }
        Map<String, String> fields = new HashMap<>(changes);
        fields.put("lastUpdate", message.updateId());
        fields.put("lastReply", text);
        redis.opsForHash().putAll(key, fields);
        redis.expire(key, DRAFT_KEPT);
        return HookAnswer.text(text);
    }
}
