package id.rembug.bot.conversation;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.redis.LuaScripts;
import id.rembug.bot.summaries.FacilitatorReachability;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a conversation and commits what one inbox entry changed. The commit is one Lua script
 * guarded by the id of the last applied entry: if another worker or instance applied something
 * in between, nothing is written and the caller reloads. That compare-and-set on the event
 * stream position is what keeps each group's events applied once and in order. The commit also
 * deletes the entry it applied from the event stream: {@code applied} keeps its id, and
 * {@link #pending} reads strictly after it, whether or not the entry is still there.
 */
@Component
public class ConversationStore {

    private static final RedisScript<Long> COMMIT = LuaScripts.load("conversation/commit", Long.class);

    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();
    private final GroupRecordCodec records = new GroupRecordCodec();

    private final ModelJobRate modelJobs;

    public ConversationStore(StringRedisTemplate redis, ModelJobRate modelJobs) {
        this.redis = redis;
        this.modelJobs = modelJobs;
    }

    /**
     * The stored part of a conversation: its state (null when new), where it stands, its chat, and
     * the questions of the open stage as they were sent ({@link AskedQuestion}), by prompt reference.
     */
    record Snapshot(String conversation, GroupState state, String applied, String chatId,
                    Map<String, AskedQuestion> asked) {

        Snapshot {
            asked = Map.copyOf(asked);
        }

        /** The conversation as the commit of {@code plan} for {@code entryId} left it. */
        Snapshot after(String entryId, Plan plan) {
            Map<String, AskedQuestion> questions = new LinkedHashMap<>(asked);
            plan.droppedAsked.forEach(questions::remove);
            questions.putAll(plan.asked);
            return new Snapshot(conversation, plan.state, entryId, plan.newChatId != null ? plan.newChatId : chatId,
                    questions);
        }
    }

    /**
     * A question as it was sent to the group, so its message can later be updated with the
     * group's progress (an edit replaces the whole text and must carry the buttons again).
     */
    record AskedQuestion(String outgoingId, String text, List<List<Outgoing.OutButton>> buttons) {
    }

    private static final String ASKED_PREFIX = "asked|";

    Snapshot load(String conversation) {
        Map<Object, Object> hash = redis.opsForHash().entries(ConversationKeys.group(conversation));
        String stateJson = (String) hash.get("state");
        String applied = (String) hash.getOrDefault("applied", "");
        String chat = (String) hash.getOrDefault("chat", conversation);
        Map<String, AskedQuestion> asked = new LinkedHashMap<>();
        hash.forEach((field, value) -> {
            if (((String) field).startsWith(ASKED_PREFIX)) {
                asked.put(((String) field).substring(ASKED_PREFIX.length()), codec.read((String) value, AskedQuestion.class));
            }
        });
        return new Snapshot(conversation, stateJson == null ? null : codec.readState(stateJson), applied, chat, asked);
    }

    /** The id of the conversation's last applied entry ("" when none). */
    String applied(String conversation) {
        Object applied = redis.opsForHash().get(ConversationKeys.group(conversation), "applied");
        return applied == null ? "" : (String) applied;
    }

    /** The entries of the conversation's event stream after {@code applied}, oldest first. */
    List<MapRecord<String, Object, Object>> pending(String conversation, String applied, int count) {
        Range<String> range = applied.isEmpty() ? Range.unbounded()
                : Range.rightUnbounded(Range.Bound.exclusive(applied));
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .range(ConversationKeys.events(conversation), range, Limit.limit().count(count));
        return records == null ? List.of() : records;
    }

    /** Writes the plan if nobody applied anything since {@code expectedApplied}; false otherwise. */
    boolean commit(Snapshot snapshot, String entryId, Plan plan, boolean stateChanged, Instant now) {
        String conversation = snapshot.conversation();
        String groupId = conversation;
        // Every key the script touches goes in KEYS; ops names the later ones by their position.
        List<String> keys = new ArrayList<>(List.of(ConversationKeys.group(conversation),
                ConversationKeys.answers(groupId), ConversationKeys.milestones(groupId), ConversationKeys.WAKE_UPS,
                ConversationKeys.GROUPS));
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("isGroup", plan.state != null && !conversation.startsWith("user:"));
        // What is applied lives on in the state, answers and outbox; the entry itself (and any
        // chatter it held) goes in the same step, so the stream holds only what is still to apply.
        ops.put("events", key(keys, ConversationKeys.events(conversation)));
        ops.put("now", Long.toString(now.toEpochMilli()));
        if (plan.newChatId != null) {
            ops.put("newChat", plan.newChatId);
            ops.put("newChatKey", key(keys, ConversationKeys.chatGroup(plan.newChatId)));
        }
        ops.put("forget", plan.forgetMembers);
        ops.put("asked", plan.asked.entrySet().stream()
                .map(e -> List.of(ASKED_PREFIX + e.getKey(), codec.write(e.getValue()))).toList());
        ops.put("dropAsked", plan.droppedAsked.stream().map(ref -> ASKED_PREFIX + ref).toList());
        ops.put("answers", pairs(plan.answers));
        ops.put("milestones", pairs(plan.milestones));
        ops.put("dropAnswers", List.copyOf(plan.droppedAnswers));
        ops.put("wakeUps", plan.wakeUps.stream().map(at -> Long.toString(at.toEpochMilli())).toList());
        if (plan.userId != null) {
            ops.put("userKey", key(keys, ConversationKeys.user(plan.userId)));
        }
        List<Map<String, Object>> digests = new ArrayList<>();
        plan.digests.forEach((user, messages) -> messages.forEach(message -> digests.add(Map.of(
                "key", key(keys, ConversationKeys.digest(user)), "user", user, "json", ChannelCodec.write(message)))));
        ops.put("digests", digests);
        if (!digests.isEmpty()) {
            ops.put("digestUsersKey", key(keys, ConversationKeys.DIGEST_USERS));
        }
        ops.put("userFields", pairs(plan.userFields));
        if (plan.reconnectUserId != null) {
            // what was kept for a person is theirs: it goes to their own chat's queue
            ops.put("pendingKey", key(keys, FacilitatorReachability.pendingFor(plan.reconnectUserId)));
            ops.put("forbiddenKey", key(keys, DispatchKeys.forbidden(plan.reconnectUserId)));
            ops.put("queueKey", key(keys, OutboxKeys.queue(Outgoing.Lane.CONVERSATION, plan.reconnectUserId)));
            ops.put("readyKey", key(keys, OutboxKeys.ready(Outgoing.Lane.CONVERSATION)));
            ops.put("reconnectChat", plan.reconnectUserId);
        }
        List<Map<String, Object>> outgoing = new ArrayList<>();
        for (Outgoing message : plan.outgoing) {
            outgoing.add(Map.of(
                    "queue", key(keys, OutboxKeys.queue(message.lane(), message.chatId())),
                    "ready", key(keys, OutboxKeys.ready(message.lane())),
                    "chat", message.chatId(),
                    "json", ChannelCodec.write(message)));
        }
        ops.put("outgoing", outgoing);
        ops.put("modelJobs", plan.modelJobs.stream().map(job -> {
            Map<String, Object> jobOps = new LinkedHashMap<>(modelJobs.commitOps(job));
            if (job.kind().rated()) {
                jobOps.put("rateKey", key(keys, ModelJobRate.rateKey(job.conversation())));
            }
            return jobOps;
        }).toList());
        if (!plan.modelJobs.isEmpty()) {
            ops.put("jobsKey", key(keys, ModelJobRate.JOBS));
            ops.put("jobQueueKey", key(keys, ModelJobRate.QUEUE));
        }
        ops.put("questions", pairs(plan.questions));
        ops.put("questionsKey", key(keys, ConversationKeys.questions(conversation)));
        ops.put("questionsKept", ConversationKeys.QUESTIONS_KEPT.toSeconds());
        ops.put("people", plan.people.stream().map(id -> key(keys, ConversationKeys.personGroups(id))).toList());
        if (plan.erasure != null) {
            ops.put("erase", erasure(plan.erasure, keys));
        }
        if (plan.erasedUserId != null) {
            ops.put("eraseUser", Map.of("events", key(keys, ConversationKeys.events(conversation)),
                    "user", key(keys, ConversationKeys.user(plan.erasedUserId)),
                    "index", key(keys, ConversationKeys.personGroups(plan.erasedUserId))));
        }
        Long result = redis.execute(COMMIT, keys,
                snapshot.applied(), entryId, stateChanged && plan.state != null ? records.writeState(plan.state) : "",
                conversation, ChannelCodec.write(ops));
        return result != null && result == 1L;
    }

    /** The deletion's part of the commit; every key it touches is passed in KEYS (by position). */
    private static Map<String, Object> erasure(MemberErasure.GroupErasure erasure, List<String> keys) {
        Map<String, Object> erase = new LinkedHashMap<>();
        erase.put("member", erasure.memberId());
        erase.put("events", key(keys, erasure.eventsKey()));
        erase.put("held", erasure.heldLists().stream().map(list -> Map.of("key", key(keys, list),
                "queue", list.startsWith(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, "")))).toList());
        erase.put("replacements", pairs(erasure.replacements()));
        erase.put("dropped", erasure.dropped());
        erase.put("votes", erasure.voteKeys().stream().map(k -> key(keys, k)).toList());
        erase.put("voteField", erasure.voteField());
        erase.put("index", key(keys, erasure.indexKey()));
        return erase;
    }

    /** The key's position in KEYS (1-based, as Lua counts), adding it if it is not there yet. */
    private static int key(List<String> keys, String key) {
        int at = keys.indexOf(key);
        if (at < 0) {
            keys.add(key);
            at = keys.size() - 1;
        }
        return at + 1;
    }

    private static List<List<String>> pairs(Map<String, String> map) {
        return map.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
    }

    /**
     * One answer the group keeps, by its key: from the answers hash, or from the stage summary that
     * took it in when its stage closed; null when there is none (any more).
     */
    Answer answer(String groupId, String answerKey) {
        Object stored = redis.opsForHash().get(ConversationKeys.answers(groupId), answerKey);
        if (stored != null) {
            return records.readAnswer((String) stored);
        }
        return records.answers(Map.of(), milestones(groupId).values()).stream()
                .filter(answer -> answer.key().equals(answerKey))
                .findFirst().orElse(null);
    }

    /** Stage summaries kept for the group, by {@code stage:round}, as stored ({@link GroupRecordCodec}). */
    Map<String, String> milestones(String groupId) {
        Map<Object, Object> raw = redis.opsForHash().entries(ConversationKeys.milestones(groupId));
        Map<String, String> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> result.put((String) k, (String) v));
        return result;
    }

    /**
     * The prompt a message of ours in the chat asked, as {@code stage|round|index}; null if it
     * asked none (or it is not ours, or too old). The dispatcher knows which outbox message the
     * platform's message was; the group's questions say what that one asked.
     */
    String promptOfMessage(String groupId, String chatId, String messageId) {
        if (messageId == null) {
            return null;
        }
        Object outgoingId = redis.opsForHash().get(DispatchKeys.sentMessages(chatId), messageId);
        if (outgoingId != null) {
            return (String) redis.opsForHash().get(ConversationKeys.questions(groupId), outgoingId);
        }
        return (String) redis.opsForHash().get(ConversationKeys.legacyPromptMessages(groupId), messageId);
    }

    /** The groups a person appeared in ({@link ConversationKeys#personGroups}). */
    java.util.Set<String> groupsOf(String userId) {
        java.util.Set<String> groups = redis.opsForSet().members(ConversationKeys.personGroups(userId));
        return groups == null ? java.util.Set.of() : new java.util.TreeSet<>(groups);
    }

    /** One field of the person's hash; null when unset. */
    String userField(String userId, String field) {
        Object value = redis.opsForHash().get(ConversationKeys.user(userId), field);
        return value == null ? null : value.toString();
    }

    Map<Object, Object> user(String userId) {
        return redis.opsForHash().entries(ConversationKeys.user(userId));
    }
}
