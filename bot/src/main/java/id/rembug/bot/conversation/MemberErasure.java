package id.rembug.bot.conversation;

import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.bot.broadcast.BroadcastKeys;
import id.rembug.bot.channel.ChannelCodec;
import id.rembug.bot.channel.OutboxKeys;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.summaries.FacilitatorReachability;
import id.rembug.dialogues.engine.Answer;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Works out what deleting a member's data touches outside the group's state and answers, for the
 * group's commit to remove in the same script as the state change: the group's event stream up
 * to the deletion, summaries held for the facilitator (daily digest, kept for an unreachable
 * facilitator, waiting in the outbox) with the member's lines taken out, RSVP votes, and the
 * member's entry in the index of their groups.
 *
 * <p>Held messages are named by their exact JSON: a message the digest release or a /start moved
 * from one list to another in the meantime is still found, since all those lists are searched.
 */
@Component
public class MemberErasure {

    /** A typed answer shorter than this is too common a string to hunt for in other texts. */
    private static final int SHORTEST_WORDS = 4;

    private final StringRedisTemplate redis;
    private final GroupRecords records;

    public MemberErasure(StringRedisTemplate redis, GroupRecords records) {
        this.redis = redis;
        this.records = records;
    }

    /**
     * What the group's commit removes besides the state's and the answers hash's share.
     *
     * @param heldLists    lists of held or queued messages to search
     * @param replacements a held message's JSON to its JSON without the member's lines
     * @param voteKeys     votes hashes of broadcasts the member voted on from this group
     * @param media        the member's photos, voice notes...: their cached files go after the commit
     * @param dropped      held messages that go altogether: copies of the member's photos, voice
     *                     notes... waiting for the facilitator (digest, outbox), by their exact JSON
     */
    record GroupErasure(String memberId, String eventsKey, List<String> heldLists, Map<String, String> replacements,
                        List<String> voteKeys, String voteField, String indexKey, List<AnswerMedia> media,
                        List<String> dropped) {
    }

    GroupErasure plan(String groupId, String chatId, GroupState before, String memberId) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        Member known = before == null ? null : before.members().get(memberId);
        if (known != null && !known.name().isBlank()) {
            names.add(known.name());
        }
        // the answers hash and the stage summaries that took in their stage's answers
        List<Answer> answers = new ArrayList<>(records.answers(groupId));
        if (before != null) {
            answers.addAll(before.answers());
            answers.addAll(before.lateAnswers());
        }
        List<AnswerMedia> media = new ArrayList<>();
        Set<String> mediaMessages = new LinkedHashSet<>();
        for (Answer answer : answers) {
            if (!answer.memberId().equals(memberId)) {
                continue;
            }
            if (answer.media() != null) {
                media.add(answer.media());
                if (answer.messageRef() != null) {
                    mediaMessages.add(answer.messageRef());
                }
            }
            if (answer.memberName() != null && !answer.memberName().isBlank()) {
                names.add(answer.memberName());
            }
            if (answer.kind().isTyped()) {
                addWords(words, answer.value());
                answer.items().forEach(item -> addWords(words, item));
            }
        }
        List<String> heldLists = new ArrayList<>();
        String facilitator = before == null ? null : before.facilitatorId();
        if (facilitator != null) {
            heldLists.add(ConversationKeys.digest(facilitator));
            heldLists.add(FacilitatorReachability.pendingFor(facilitator));
            heldLists.add(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, facilitator));
        }
        heldLists.add(OutboxKeys.queue(Outgoing.Lane.CONVERSATION, chatId));
        Map<String, String> replacements = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (String list : heldLists) {
            List<String> messages = redis.opsForList().range(list, 0, -1);
            for (String json : messages == null ? List.<String>of() : messages) {
                Outgoing message = ChannelCodec.readOutgoing(json);
                if (groupId.equals(message.groupId()) && message.copyOf() != null
                        && chatId.equals(message.copyOf().fromChatId())
                        && mediaMessages.contains(message.copyOf().messageId())) {
                    // a copy of their photo or voice note: no caption without it, it goes whole
                    dropped.add(json);
                } else if (groupId.equals(message.groupId()) && message.text() != null) {
                    String redacted = redact(message.text(), names, words);
                    if (!redacted.equals(message.text())) {
                        replacements.put(json, ChannelCodec.write(message.withText(redacted)));
                    }
                }
            }
        }
        String voter = BroadcastKeys.voter(groupId, memberId);
        List<String> voteKeys = new ArrayList<>();
        Set<String> jobs = redis.opsForZSet().range(BroadcastKeys.JOBS, 0, -1);
        for (String job : jobs == null ? Set.<String>of() : jobs) {
            if (redis.opsForHash().hasKey(BroadcastKeys.votes(job), voter)) {
                voteKeys.add(BroadcastKeys.votes(job));
            }
        }
        return new GroupErasure(memberId, ConversationKeys.events(groupId), heldLists, replacements, voteKeys, voter,
                ConversationKeys.personGroups(memberId), media, dropped);
    }

    private static void addWords(Set<String> words, String text) {
        if (text != null && text.strip().length() >= SHORTEST_WORDS) {
            words.add(text.strip());
        }
    }

    /**
     * A summary's text without the member: their answer lines (and the goal check under each) go,
     * their name leaves the lists of who took part or stayed quiet, and any other line that still
     * quotes their words goes too. Counts in headings are left as they were.
     */
    static String redact(String text, Set<String> names, Set<String> words) {
        List<String> kept = new ArrayList<>();
        boolean underDroppedAnswer = false;
        for (String line : text.split("\n", -1)) {
            if (underDroppedAnswer && line.startsWith("  ")) {
                continue;
            }
            // "• Ani: ..." for words, "• 📷 Ani, foto: ..." for a photo, a voice note, a place
            underDroppedAnswer = names.stream().anyMatch(name -> line.startsWith("• " + name + ":")
                    || line.startsWith("• ") && line.indexOf(' ', 2) > 0
                    && line.startsWith(name + ", ", line.indexOf(' ', 2) + 1));
            if (underDroppedAnswer) {
                continue;
            }
            String cleaned = line;
            for (String name : names) {
                cleaned = withoutName(cleaned, name);
            }
            String finalLine = cleaned;
            if (words.stream().noneMatch(finalLine::contains)) {
                kept.add(cleaned);
            }
        }
        return String.join("\n", kept);
    }

    private static String withoutName(String line, String name) {
        Pattern listed = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name)
                + "(?: \\(\\d+\\))?(?![\\p{L}\\p{N}])");
        if (!listed.matcher(line).find()) {
            return line;
        }
        return listed.matcher(line).replaceAll("")
                .replaceAll("(, )+,", ",")
                .replaceAll(":\\s*,\\s*", ": ")
                .replaceAll(",\\s*(?=[.)]|$)", "")
                .replaceAll(", ,", ",")
                .stripTrailing();
    }
}
