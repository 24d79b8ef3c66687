package id.rembug.bot.summaries;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.conversation.ConversationKeys;
import id.rembug.bot.conversation.GroupRecords;
import id.rembug.bot.dispatch.DeliveryListener;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.dispatch.OutboxWriter;
import id.rembug.bot.redis.LuaScripts;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happens when Telegram says the bot may not write somewhere. A facilitator who never
 * opened a private chat with the bot: their summaries are kept and the group is told once how to
 * fix it; they follow as soon as the facilitator presses Start. A group that removed the bot:
 * its facilitator is told privately.
 */
@Component
public class FacilitatorReachability implements DeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(FacilitatorReachability.class);
    static final Duration TOLD_FOR = Duration.ofDays(30);

    /** Keeps a message for a person while their chat is marked forbidden ({@code milestone/keep.lua}). */
    private static final RedisScript<Long> KEEP = LuaScripts.load("milestone/keep", Long.class);

    private final StringRedisTemplate redis;
    private final GroupRecords records;
    private final OutboxWriter outbox;
    private final Messages messages;
    private final Clock clock;

    public FacilitatorReachability(StringRedisTemplate redis, GroupRecords records, OutboxWriter outbox,
                                   Messages messages, Clock clock) {
        this.redis = redis;
        this.records = records;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** Summaries kept for a person until they start a private chat with the bot. */
    public static String pendingFor(String userId) {
        return OutboxKeys.kept(userId);
    }

    @Override
    public void onForbidden(String chatId, String reason, List<Outgoing> dropped) {
        if (!ChatGateway.isGroupChat(chatId)) {
            keepForLater(chatId, dropped);
        } else {
            tellFacilitatorTheGroupIsGone(chatId, dropped);
        }
    }

    /**
     * A message for a person whose chat was already marked forbidden is not tried at all; it is
     * kept like the ones dropped when Telegram first refused, or a summary written between that
     * refusal and the person's /start would be lost.
     */
    @Override
    public void onWithheld(Outgoing message, String reason) {
        if (!ChatGateway.isGroupChat(message.chatId())) {
            keepForLater(message.chatId(), List.of(message));
        }
    }

    private void keepForLater(String userId, List<Outgoing> dropped) {
        Set<String> groups = new LinkedHashSet<>();
        for (Outgoing message : dropped) {
            if (message.kind() == Outgoing.Kind.TEXT) {
                Long kept = redis.execute(KEEP, List.of(DispatchKeys.forbidden(userId), pendingFor(userId),
                                OutboxKeys.queue(message.lane(), userId), OutboxKeys.ready(message.lane())),
                        ChannelCodec.write(message), Long.toString(clock.millis()), userId);
                if (Long.valueOf(1).equals(kept) && message.groupId() != null) {
                    groups.add(message.groupId());
                }
            }
        }
        log.info("Kept {} message(s) for {} until they open a private chat with the bot", dropped.size(), userId);
        List<Outgoing> notices = new ArrayList<>();
        for (String groupId : groups) {
            Boolean first = redis.opsForValue().setIfAbsent(told(groupId, userId), "1", TOLD_FOR);
            GroupState state = state(groupId);
            if (Boolean.TRUE.equals(first) && state != null) {
                String name = state.member(userId).name();
                notices.add(text("unreachable:" + groupId + ":" + userId + ":" + clock.millis(), chatOf(groupId), groupId,
                        messages.get(MessageKey.FACILITATOR_UNREACHABLE, state.language(), Map.of("name", name))));
            }
        }
        outbox.enqueue(notices);
    }

    /**
     * The bot may not pin in the group (it is no admin with that right): the agreement is posted
     * anyway, and the facilitator is told once, privately, how to let it pin. Nothing else fails.
     */
    @Override
    public void onFailed(Outgoing message, String reason) {
        if (message.kind() != Outgoing.Kind.PIN || message.groupId() == null) {
            return;
        }
        GroupState state = state(message.groupId());
        if (state == null || state.facilitatorId() == null) {
            return;
        }
        log.info("The bot may not pin in group {}: {}", message.groupId(), reason);
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(ConversationKeys.pinRefusedTold(message.groupId()),
                state.facilitatorId()))) {
            outbox.enqueue(List.of(text("pin-refused:" + message.groupId() + ":" + clock.millis(),
                    state.facilitatorId(), message.groupId(),
                    messages.get(MessageKey.PIN_NOT_ALLOWED, state.language()))));
        }
    }

    private void tellFacilitatorTheGroupIsGone(String chatId, List<Outgoing> dropped) {
        String groupId = dropped.stream().map(Outgoing::groupId).filter(g -> g != null).findFirst().orElse(chatId);
        GroupState state = state(groupId);
        log.warn("The bot may no longer write to group {} ({} message(s) dropped)", groupId, dropped.size());
        if (state == null || state.facilitatorId() == null) {
            return;
        }
        Language language = state.language();
        outbox.enqueue(List.of(text("removed:" + groupId + ":" + clock.millis(), state.facilitatorId(), groupId,
                messages.get(MessageKey.BOT_REMOVED_FROM_GROUP, language, Map.of("group", groupId)))));
    }

    /** Marks that the group was told about this person; it lapses after {@link #TOLD_FOR}, so a lasting problem is mentioned again. */
    public static String told(String groupId, String userId) {
        return ConversationKeys.toldUnreachable(groupId, userId);
    }

    private GroupState state(String groupId) {
        return records.state(groupId).orElse(null);
    }

    private String chatOf(String groupId) {
        return records.header(groupId).chatId();
    }

    private Outgoing text(String id, String chatId, String groupId, String text) {
        return Outgoing.text(id, Outgoing.Lane.CONVERSATION, chatId, groupId, text, clock.instant());
    }
}
