package id.rembug.bot.conversation;

import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.conversation.ConversationFollowUps.Op;
import id.rembug.bot.dispatch.DispatchKeys;
import id.rembug.bot.dispatch.SentMessages;
import id.rembug.bot.redis.LuaScripts;
import id.rembug.bot.redis.StreamRanges;
import id.rembug.bot.summaries.FacilitatorReachability;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.StateCodec;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static final RedisScript<Long> COMMIT = LuaScripts.load(
            List.of("conversation/follow-up-ops"), "conversation/commit", Long.class);

    private final StringRedisTemplate redis;
    private final StateCodec codec = new StateCodec();
    private final GroupRecordCodec records = new GroupRecordCodec();

    private final ModelJobRate modelJobs;
    private final ConversationFollowUps followUps;
    private final WorkPartitions partitions;
    private final SentMessages sentMessages;

    public ConversationStore(StringRedisTemplate redis, ModelJobRate modelJobs, ConversationFollowUps followUps,
                             WorkPartitions partitions, SentMessages sentMessages) {
        this.redis = redis;
        this.sentMessages = sentMessages;
        this.modelJobs = modelJobs;
        this.followUps = followUps;
        this.partitions = partitions;
    }

    /** Applies what earlier commits of the conversation left outside its slot, if a worker stopped half-way. */
    void finishFollowUps(String conversation) {
        followUps.finish(conversation);
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
        return pendingOfEach(Map.of(conversation, applied), count).get(conversation);
    }

    /**
     * {@link #pending} of each conversation (by what it applied last), read in one round trip;
     * every conversation named has an entry.
     */
    Map<String, List<MapRecord<String, Object, Object>>> pendingOfEach(Map<String, String> appliedByConversation,
                                                                       int count) {
        Map<String, String> afterByStream = new LinkedHashMap<>();
        appliedByConversation.forEach((conversation, applied) ->
                afterByStream.put(ConversationKeys.events(conversation), applied));
        Map<String, List<MapRecord<String, Object, Object>>> byStream = StreamRanges.after(redis, afterByStream, count);
        Map<String, List<MapRecord<String, Object, Object>>> pending = new LinkedHashMap<>();
        appliedByConversation.keySet().forEach(conversation -> pending.put(conversation,
                byStream.getOrDefault(ConversationKeys.events(conversation), List.of())));
        return pending;
    }

    /** One inbox entry and what applying it changes. */
    record Applied(String entryId, Plan plan) {
    }

    /**
     * Writes the plans of consecutive entries, in order, if nobody applied anything since the
     * snapshot's entry; false otherwise. The conversation's own keys are written in one atomic step
     * (the state once, as the last plan left it); what lies outside its slot is one follow-up,
     * queued in that step and applied right after ({@link ConversationFollowUps}), or in the same
     * step on a single Redis.
     */
    boolean commit(Snapshot snapshot, List<Applied> batch, Instant now) {
        String conversation = snapshot.conversation();
        // Every key the script touches goes in KEYS (all in the conversation's slot); ops names the
        // later ones by their position.
        List<String> keys = new ArrayList<>(List.of(ConversationKeys.group(conversation),
                ConversationKeys.answers(conversation), ConversationKeys.milestones(conversation),
                ConversationKeys.events(conversation), ConversationKeys.followUps(conversation)));
        List<Map<String, Object>> entries = new ArrayList<>();
        List<Op> later = new ArrayList<>();
        String nowMillis = Long.toString(now.toEpochMilli());
        GroupState before = snapshot.state();
        boolean stateChanged = false;
        Set<Outgoing> superseded = supersededEdits(batch);
        // the indexes once for the batch, however many of its entries name the group or a person
        Set<String> people = new LinkedHashSet<>();
        batch.forEach(applied -> people.addAll(applied.plan().people));
        if (batch.stream().anyMatch(applied -> applied.plan().state != null) && !conversation.startsWith("user:")) {
            later.add(Op.of("sadd", ConversationKeys.GROUPS, conversation));
        }
        people.forEach(id -> later.add(Op.of("sadd", ConversationKeys.personGroups(id), conversation)));
        for (Applied applied : batch) {
            Plan plan = applied.plan();
            stateChanged |= plan.state != before;
            before = plan.state;
            entries.add(ops(conversation, applied.entryId(), plan, keys, later, nowMillis, superseded));
        }
        String lastEntry = batch.get(batch.size() - 1).entryId();
        String followUp = later.isEmpty() ? "" : ConversationFollowUps.write(new ConversationFollowUps.FollowUp(lastEntry, later));
        boolean followUpHere = followUps.oneServer();
        if (followUpHere) {
            // a single Redis: the commit's own script applies the follow-up, one round trip instead of three
            ConversationFollowUps.keysOf(later).forEach(key -> key(keys, key));
        }
        Long result = redis.execute(COMMIT, keys,
                snapshot.applied(), lastEntry, stateChanged && before != null ? records.writeState(before) : "",
                conversation, ChannelCodec.write(entries), followUp, followUpHere ? "1" : "0");
        if (result == null || result == 0L) {
            return false;
        }
        if (result == 3L) {
            followUps.apply(conversation, followUp);
        } else if (result == 2L) {
            // an earlier commit's follow-up is still waiting (its worker stopped half-way): in order
            followUps.finish(conversation);
        }
        return true;
    }

    /**
     * Progress edits a later plan of the batch replaces: of several edits of one message, only the
     * last one needs to reach the group (content edits, {@link Outgoing#lasting()}, all go).
     */
    private static Set<Outgoing> supersededEdits(List<Applied> batch) {
        Map<String, Outgoing> lastEdit = new HashMap<>();
        Set<Outgoing> superseded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Applied applied : batch) {
            for (Outgoing message : applied.plan().outgoing) {
                if (message.kind() == Outgoing.Kind.EDIT && !message.lasting()) {
                    Outgoing earlier = lastEdit.put(message.chatId() + "|" + message.editOf(), message);
                    if (earlier != null) {
                        superseded.add(earlier);
                    }
                }
            }
        }
        return superseded;
    }

    /** One entry's writes in its conversation's slot (for the script), adding what lies outside to {@code later}. */
    private Map<String, Object> ops(String conversation, String entryId, Plan plan, List<String> keys, List<Op> later,
                                    String nowMillis, Set<Outgoing> superseded) {
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put("entry", entryId);
        if (plan.newChatId != null) {
            ops.put("newChat", plan.newChatId);
            later.add(Op.of("set", ConversationKeys.chatGroup(plan.newChatId), conversation));
        }
        ops.put("forget", plan.forgetMembers);
        ops.put("asked", plan.asked.entrySet().stream()
                .map(e -> List.of(ASKED_PREFIX + e.getKey(), codec.write(e.getValue()))).toList());
        ops.put("dropAsked", plan.droppedAsked.stream().map(ref -> ASKED_PREFIX + ref).toList());
        ops.put("answers", pairs(plan.answers));
        ops.put("milestones", pairs(plan.milestones));
        ops.put("dropAnswers", List.copyOf(plan.droppedAnswers));
        plan.wakeUps.forEach(at -> later.add(Op.of("zadd", partitions.wakeUps(conversation),
                Long.toString(at.toEpochMilli()), conversation + "|" + at.toEpochMilli())));
        if (plan.userId != null) {
            plan.userFields.forEach((field, value) -> later.add(Op.of("hset", ConversationKeys.user(plan.userId), field, value)));
        }
        if (plan.reconnectUserId != null) {
            // what was kept for a person is theirs: it goes to their own chat's queue
            later.add(new Op("release", List.of(FacilitatorReachability.pendingFor(plan.reconnectUserId),
                    DispatchKeys.forbidden(plan.reconnectUserId),
                    OutboxKeys.queue(Outgoing.Lane.CONVERSATION, plan.reconnectUserId),
                    OutboxKeys.ready(Outgoing.Lane.CONVERSATION)), List.of(plan.reconnectUserId, nowMillis)));
        }
        plan.digests.forEach((user, messages) -> messages.forEach(message -> {
            later.add(Op.of("rpush", ConversationKeys.digest(user), ChannelCodec.write(message)));
            later.add(Op.of("sadd", ConversationKeys.DIGEST_USERS, user));
        }));
        for (Outgoing message : plan.outgoing) {
            if (!superseded.contains(message)) {
                later.add(new Op("enqueue", List.of(OutboxKeys.queue(message.lane(), message.chatId()),
                        OutboxKeys.ready(message.lane())), List.of(ChannelCodec.write(message), nowMillis, message.chatId())));
            }
        }
        ops.put("modelJobs", plan.modelJobs.stream().map(job -> {
            Map<String, Object> jobOps = new LinkedHashMap<>(modelJobs.commitOps(job));
            if (job.kind().rated()) {
                // a job for the language model counts against the conversation's rate (speech to text does not)
                jobOps.put("rateKey", key(keys, ModelJobRate.rateKey(job.conversation())));
            }
            later.add(Op.of("hset", ModelJobRate.JOBS, (String) jobOps.get("id"), (String) jobOps.get("json")));
            later.add(Op.of("rpush", ModelJobRate.QUEUE, (String) jobOps.get("id")));
            return jobOps;
        }).toList());
        ops.put("questions", pairs(plan.questions));
        ops.put("questionsKey", key(keys, ConversationKeys.questions(conversation)));
        ops.put("questionsKept", ConversationKeys.QUESTIONS_KEPT.toSeconds());
        if (plan.erasure != null) {
            ops.put("erase", plan.erasure.memberId());
            later.addAll(erasure(plan.erasure, conversation));
        }
        if (plan.erasedUserId != null) {
            ops.put("eraseUser", true);
            later.add(Op.of("del", ConversationKeys.user(plan.erasedUserId)));
            later.add(Op.of("del", ConversationKeys.personGroups(plan.erasedUserId)));
        }
        return ops;
    }

    /** The deletion's writes outside the group's slot: the member's held messages, votes and index entry. */
    private static List<Op> erasure(MemberErasure.GroupErasure erasure, String conversation) {
        List<Op> ops = new ArrayList<>();
        List<String> replacements = new ArrayList<>();
        erasure.replacements().forEach((message, replacement) -> {
            replacements.add(message);
            replacements.add(replacement);
        });
        // a copy of the member's photo or voice note leaves the list whole: an empty replacement
        erasure.dropped().forEach(message -> {
            replacements.add(message);
            replacements.add("");
        });
        for (String list : erasure.heldLists()) {
            List<String> args = new ArrayList<>();
            args.add(list.startsWith(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, "")) ? "1" : "0");
            args.addAll(replacements);
            ops.add(new Op("replace", List.of(list), args));
        }
        erasure.voteKeys().forEach(votes -> ops.add(Op.of("hdel", votes, erasure.voteField())));
        ops.add(Op.of("srem", erasure.indexKey(), conversation));
        return ops;
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
     * platform's message was ({@link SentMessages}); the group's questions say what that one asked.
     */
    String promptOfMessage(Snapshot snapshot, String chatId, String messageId) {
        if (messageId == null) {
            return null;
        }
        String groupId = snapshot.conversation();
        String outgoingId = sentMessages.outboxIdOf(chatId, messageId).orElse(null);
        if (outgoingId != null) {
            // a question of the open stage is in the snapshot: most replies need no second read
            for (Map.Entry<String, AskedQuestion> asked : snapshot.asked().entrySet()) {
                if (asked.getValue().outgoingId().equals(outgoingId)) {
                    return asked.getKey();
                }
            }
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
