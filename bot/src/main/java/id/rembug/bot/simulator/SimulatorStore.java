package id.rembug.bot.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's chats, groups and personas in Redis (keys in {@link SimulatorKeys}). Both the
 * gateway (the bot's side) and the service (the people's side) write here; the page reads it.
 */
public class SimulatorStore {

    /** How many lines of each chat are kept: plenty for a session, bounded for Redis. */
    public static final int LOG_SIZE = 500;

    /** How long a callback toast is kept; the page shows it for a few seconds only (an alert for longer). */
    private static final Duration TOAST_TTL = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private final StringRedisTemplate redis;

    public SimulatorStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /**
     * A callback answer shown over a chat: briefly, or with {@code alert} as a box the person
     * closes (Telegram's {@code show_alert} dialog).
     */
    public record Toast(String text, Instant at, boolean alert) {

        public Toast(String text, Instant at) {
            this(text, at, false);
        }
    }

    // --- chats -------------------------------------------------------------------------------

    /** The next message id in a chat: 1, 2, 3 ... as strings, like Telegram's per-chat ids. */
    public String nextMessageId(String chatId) {
        return String.valueOf(redis.opsForValue().increment(SimulatorKeys.sequence(chatId)));
    }

    public void append(String chatId, ChatRecord record) {
        redis.opsForList().rightPush(SimulatorKeys.log(chatId), JSON.writeValueAsString(record));
        redis.opsForList().trim(SimulatorKeys.log(chatId), -LOG_SIZE, -1);
        bump(chatId);
    }

    /** The chat's lines in message id order (a bot send and a persona's post may race to the list). */
    public List<ChatRecord> log(String chatId) {
        List<String> raw = redis.opsForList().range(SimulatorKeys.log(chatId), 0, -1);
        if (raw == null) {
            return List.of();
        }
        return raw.stream()
                .map(json -> JSON.readValue(json, ChatRecord.class))
                .sorted(Comparator.comparingLong(ChatRecord::sequence))
                .toList();
    }

    public Optional<ChatRecord> message(String chatId, String messageId) {
        return log(chatId).stream().filter(r -> r.messageId().equals(messageId)).findFirst();
    }

    public void react(String chatId, String messageId, String emoji) {
        redis.opsForHash().put(SimulatorKeys.reactions(chatId), messageId, emoji);
        bump(chatId);
    }

    public Map<String, String> reactions(String chatId) {
        return stringMap(SimulatorKeys.reactions(chatId));
    }

    public void edit(String chatId, String messageId, String text) {
        redis.opsForHash().put(SimulatorKeys.edits(chatId), messageId, text);
        bump(chatId);
    }

    public Map<String, String> edits(String chatId) {
        return stringMap(SimulatorKeys.edits(chatId));
    }

    public void toast(String chatId, Toast toast) {
        redis.opsForValue().set(SimulatorKeys.toast(chatId), JSON.writeValueAsString(toast), TOAST_TTL);
        bump(chatId);
    }

    public Optional<Toast> toast(String chatId) {
        return Optional.ofNullable(redis.opsForValue().get(SimulatorKeys.toast(chatId)))
                .map(json -> JSON.readValue(json, Toast.class));
    }

    /** Changes whenever anything shown in the chat changes. */
    public long version(String chatId) {
        String value = redis.opsForValue().get(SimulatorKeys.version(chatId));
        return value == null ? 0 : Long.parseLong(value);
    }

    private void bump(String chatId) {
        redis.opsForValue().increment(SimulatorKeys.version(chatId));
    }

    // --- groups ------------------------------------------------------------------------------

    public SimGroup createGroup(String title, Persona facilitator, List<Persona> residents) {
        long number = Objects.requireNonNull(redis.opsForValue().increment(SimulatorKeys.groupSequence()));
        String chatId = SimGroup.ID_PREFIX + number;
        List<Persona> cast = new ArrayList<>();
        cast.add(facilitator);
        residents.stream().filter(p -> cast.stream().noneMatch(c -> c.id().equals(p.id()))).forEach(cast::add);
        cast.forEach(this::savePersona);
        String groupTitle = title == null || title.isBlank() ? "Grup simulasi " + number : title.strip();
        redis.opsForHash().putAll(SimulatorKeys.group(chatId),
                Map.of("title", groupTitle, "facilitator", facilitator.id(), "bot", "0"));
        redis.opsForList().rightPushAll(SimulatorKeys.cast(chatId), cast.stream().map(Persona::id).toList());
        redis.opsForList().rightPush(SimulatorKeys.groups(), chatId);
        return new SimGroup(chatId, groupTitle, facilitator.id(), false, cast);
    }

    public Optional<SimGroup> group(String chatId) {
        Map<String, String> fields = stringMap(SimulatorKeys.group(chatId));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<String> ids = redis.opsForList().range(SimulatorKeys.cast(chatId), 0, -1);
        List<Persona> cast = ids == null ? List.of()
                : ids.stream().map(this::persona).flatMap(Optional::stream).toList();
        return Optional.of(new SimGroup(chatId, fields.get("title"), fields.get("facilitator"),
                "1".equals(fields.get("bot")), cast));
    }

    public List<SimGroup> groups() {
        List<String> ids = redis.opsForList().range(SimulatorKeys.groups(), 0, -1);
        return ids == null ? List.of() : ids.stream().map(this::group).flatMap(Optional::stream).toList();
    }

    public void setBotInGroup(String chatId, boolean member) {
        redis.opsForHash().put(SimulatorKeys.group(chatId), "bot", member ? "1" : "0");
    }

    public void addToCast(String chatId, Persona persona) {
        savePersona(persona);
        List<String> ids = redis.opsForList().range(SimulatorKeys.cast(chatId), 0, -1);
        if (ids == null || !ids.contains(persona.id())) {
            redis.opsForList().rightPush(SimulatorKeys.cast(chatId), persona.id());
        }
    }

    public void removeFromCast(String chatId, String userId) {
        redis.opsForList().remove(SimulatorKeys.cast(chatId), 0, userId);
    }

    // --- personas ----------------------------------------------------------------------------

    /** Saves the persona's name; a new persona has started the bot, as most people have. */
    public void savePersona(Persona persona) {
        redis.opsForHash().put(SimulatorKeys.persona(persona.id()), "name", persona.name());
        redis.opsForHash().putIfAbsent(SimulatorKeys.persona(persona.id()), "started", "1");
    }

    public Optional<Persona> persona(String userId) {
        Object name = redis.opsForHash().get(SimulatorKeys.persona(userId), "name");
        return name == null ? Optional.empty() : Optional.of(new Persona(userId, name.toString()));
    }

    public boolean started(String userId) {
        return "1".equals(redis.opsForHash().get(SimulatorKeys.persona(userId), "started"));
    }

    public void setStarted(String userId, boolean started) {
        redis.opsForHash().put(SimulatorKeys.persona(userId), "started", started ? "1" : "0");
        bump(userId);
    }

    private Map<String, String> stringMap(String key) {
        Map<Object, Object> raw = redis.opsForHash().entries(key);
        Map<String, String> result = new LinkedHashMap<>();
        raw.forEach((k, v) -> result.put(k.toString(), v.toString()));
        return result;
    }
}
