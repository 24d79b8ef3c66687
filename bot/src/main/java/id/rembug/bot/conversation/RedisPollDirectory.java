package id.rembug.bot.conversation;

import id.rembug.bot.channel.PollDirectory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The polls we sent, in Redis: {@code <chatId>\n<stage|round|index>} under the poll's id. */
@Component
public class RedisPollDirectory implements PollDirectory {

    private final StringRedisTemplate redis;

    public RedisPollDirectory(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public void remember(String pollId, PollTarget target) {
        redis.opsForValue().set(ConversationKeys.poll(pollId), target.chatId() + "\n" + target.promptRef(),
                ConversationKeys.POLLS_KEPT);
    }

    @Override
    public Optional<PollTarget> find(String pollId) {
        String stored = redis.opsForValue().get(ConversationKeys.poll(pollId));
        if (stored == null || stored.indexOf('\n') < 0) {
            return Optional.empty();
        }
        int cut = stored.indexOf('\n');
        return Optional.of(new PollTarget(stored.substring(0, cut), stored.substring(cut + 1)));
    }
}
