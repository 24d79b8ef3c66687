package id.rembug.bot.conversation;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.summaries.FacilitatorReachability;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
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

    private static final RedisScript<Long> COMMIT = new DefaultRedisScript<>("""
            -- whether an inbox entry names the member: as its writer, presser, joiner, adder or leaver
            local function names_member(json, member)
              local ok, entry = pcall(cjson.decode, json)
              if not ok or type(entry) ~= 'table' then return false end
              local function is(user) return type(user) == 'table' and user.id == member end
              if is(entry.from) or is(entry.member) or is(entry.addedBy) or entry.userId == member then return true end
              if type(entry.members) == 'table' then
                for _, user in ipairs(entry.members) do if is(user) then return true end end
              end
              return false
            end
            local applied = redis.call('HGET', KEYS[1], 'applied') or ''
            if applied ~= ARGV[1] then return 0 end
            local ops = cjson.decode(ARGV[5])
            redis.call('HSET', KEYS[1], 'applied', ARGV[2])
            redis.call('XDEL', ops.events, ARGV[2])
            if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'state', ARGV[3]) end
            for _, field in ipairs(ops.dropAsked) do redis.call('HDEL', KEYS[1], field) end
            for _, pair in ipairs(ops.asked) do redis.call('HSET', KEYS[1], pair[1], pair[2]) end
            if ops.isGroup then redis.call('SADD', KEYS[5], ARGV[4]) end
            for _, k in ipairs(ops.people) do redis.call('SADD', KEYS[k], ARGV[4]) end
            if ops.newChat then
              redis.call('HSET', KEYS[1], 'chat', ops.newChat)
              redis.call('SET', ops.newChatKey, ARGV[4])
            end
            for _, member in ipairs(ops.forget) do
              for _, field in ipairs(redis.call('HKEYS', KEYS[2])) do
                local parts = {}
                for part in string.gmatch(field, '[^:]+') do parts[#parts + 1] = part end
                if parts[4] == member then redis.call('HDEL', KEYS[2], field) end
              end
            end
            for _, pair in ipairs(ops.answers) do redis.call('HSET', KEYS[2], pair[1], pair[2]) end
            for _, pair in ipairs(ops.milestones) do redis.call('HSET', KEYS[3], pair[1], pair[2]) end
            for _, at in ipairs(ops.wakeUps) do redis.call('ZADD', KEYS[4], at, ARGV[4] .. '|' .. at) end
            for _, pair in ipairs(ops.userFields) do redis.call('HSET', ops.userKey, pair[1], pair[2]) end
            if ops.pendingKey then
              redis.call('DEL', ops.forbiddenKey)
              for _, json in ipairs(redis.call('LRANGE', ops.pendingKey, 0, -1)) do
                local kept = cjson.decode(json)
                redis.call('RPUSH', ops.queuePrefix .. kept.chatId, json)
                redis.call('ZADD', ops.readyKey, 'NX', ops.now, kept.chatId)
              end
              redis.call('DEL', ops.pendingKey)
            end
            for _, held in ipairs(ops.digests) do
              redis.call('RPUSH', held.key, held.json)
              redis.call('SADD', ops.digestUsersKey, held.user)
            end
            for _, out in ipairs(ops.outgoing) do
              redis.call('RPUSH', out.queue, out.json)
              redis.call('ZADD', out.ready, 'NX', ops.now, out.chat)
            end
            for _, job in ipairs(ops.modelJobs) do
              redis.call('HSET', ops.jobsKey, job.id, job.json)
              redis.call('RPUSH', ops.jobQueueKey, job.id)
              redis.call('ZADD', job.rateKey, job.at, job.id)
              redis.call('ZREMRANGEBYSCORE', job.rateKey, '-inf', '(' .. job.since)
              redis.call('PEXPIRE', job.rateKey, job.windowMs)
            end
            if ops.erase then
              -- a member's deletion: applied entries naming them leave the stream (later ones are
              -- still to be applied, and the position 'applied' keeps its meaning after XDEL)
              local e = ops.erase
              for _, entry in ipairs(redis.call('XRANGE', KEYS[e.events], '-', ARGV[2])) do
                local fields = entry[2]
                for i = 1, #fields, 2 do
                  if fields[i] == 'inbound' and names_member(fields[i + 1], e.member) then
                    redis.call('XDEL', KEYS[e.events], entry[1])
                  end
                end
              end
              local replace = {}
              for _, pair in ipairs(e.replacements) do replace[pair[1]] = pair[2] end
              for _, held in ipairs(e.held) do
                for i, json in ipairs(redis.call('LRANGE', KEYS[held.key], 0, -1)) do
                  -- an outbox queue's head may be on its way to Telegram: the dispatcher finds it by its text
                  if replace[json] and not (held.queue and i == 1) then
                    redis.call('LSET', KEYS[held.key], i - 1, replace[json])
                  end
                end
              end
              for _, k in ipairs(e.votes) do redis.call('HDEL', KEYS[k], e.voteField) end
              redis.call('SREM', KEYS[e.index], ARGV[4])
            end
            if ops.eraseUser then
              -- the person's own conversation with the bot, up to their confirmation, and their keys
              local u = ops.eraseUser
              for _, entry in ipairs(redis.call('XRANGE', KEYS[u.events], '-', ARGV[2])) do
                redis.call('XDEL', KEYS[u.events], entry[1])
              end
              redis.call('DEL', KEYS[u.user], KEYS[u.index])
            end
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();

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
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("isGroup", plan.state != null && !conversation.startsWith("user:"));
        // What is applied lives on in the state, answers and outbox; the entry itself (and any
        // chatter it held) goes in the same step, so the stream holds only what is still to apply.
        ops.put("events", ConversationKeys.events(conversation));
        ops.put("now", Long.toString(now.toEpochMilli()));
        if (plan.newChatId != null) {
            ops.put("newChat", plan.newChatId);
            ops.put("newChatKey", ConversationKeys.chatGroup(plan.newChatId));
        }
        ops.put("forget", plan.forgetMembers);
        ops.put("asked", plan.asked.entrySet().stream()
                .map(e -> List.of(ASKED_PREFIX + e.getKey(), codec.write(e.getValue()))).toList());
        ops.put("dropAsked", plan.droppedAsked.stream().map(ref -> ASKED_PREFIX + ref).toList());
        ops.put("answers", pairs(plan.answers));
        ops.put("milestones", pairs(plan.milestones));
        ops.put("wakeUps", plan.wakeUps.stream().map(at -> Long.toString(at.toEpochMilli())).toList());
        ops.put("userKey", plan.userId == null ? "" : ConversationKeys.user(plan.userId));
        List<Map<String, String>> digests = new ArrayList<>();
        plan.digests.forEach((user, messages) -> messages.forEach(message -> digests.add(Map.of(
                "key", ConversationKeys.digest(user), "user", user, "json", ChannelCodec.write(message)))));
        ops.put("digests", digests);
        ops.put("digestUsersKey", ConversationKeys.DIGEST_USERS);
        ops.put("userFields", pairs(plan.userFields));
        if (plan.reconnectUserId != null) {
            ops.put("pendingKey", FacilitatorReachability.pendingFor(plan.reconnectUserId));
            ops.put("forbiddenKey", DispatchKeys.forbidden(plan.reconnectUserId));
            ops.put("queuePrefix", OutboxKeys.queue(Outgoing.Lane.CONVERSATION, ""));
            ops.put("readyKey", OutboxKeys.ready(Outgoing.Lane.CONVERSATION));
        }
        List<Map<String, String>> outgoing = new ArrayList<>();
        for (Outgoing message : plan.outgoing) {
            outgoing.add(Map.of(
                    "queue", OutboxKeys.queue(message.lane(), message.chatId()),
                    "ready", OutboxKeys.ready(message.lane()),
                    "chat", message.chatId(),
                    "json", ChannelCodec.write(message)));
        }
        ops.put("outgoing", outgoing);
        ops.put("modelJobs", plan.modelJobs.stream().map(job -> modelJobs.commitOps(job)).toList());
        ops.put("jobsKey", ModelJobRate.JOBS);
        ops.put("jobQueueKey", ModelJobRate.QUEUE);
        String groupId = conversation;
        List<String> keys = new ArrayList<>(List.of(ConversationKeys.group(conversation),
                ConversationKeys.answers(groupId), ConversationKeys.milestones(groupId), ConversationKeys.WAKE_UPS,
                ConversationKeys.GROUPS));
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
                snapshot.applied(), entryId, stateChanged && plan.state != null ? codec.write(plan.state) : "",
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

    /** Stage summaries kept for the group, by {@code stage:round}. */
    Map<String, String> milestones(String groupId) {
        Map<Object, Object> raw = redis.opsForHash().entries(ConversationKeys.milestones(groupId));
        Map<String, String> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> result.put((String) k, (String) v));
        return result;
    }

    /** The prompt a message of ours asked, as {@code stage|round|index}; null if it asked none. */
    String promptOfMessage(String groupId, String messageId) {
        if (messageId == null) {
            return null;
        }
        return (String) redis.opsForHash().get(ConversationKeys.promptMessages(groupId), messageId);
    }

    /** The groups a person appeared in ({@link ConversationKeys#personGroups}). */
    java.util.Set<String> groupsOf(String userId) {
        java.util.Set<String> groups = redis.opsForSet().members(ConversationKeys.personGroups(userId));
        return groups == null ? java.util.Set.of() : new java.util.TreeSet<>(groups);
    }

    Map<Object, Object> user(String userId) {
        return redis.opsForHash().entries(ConversationKeys.user(userId));
    }
}
