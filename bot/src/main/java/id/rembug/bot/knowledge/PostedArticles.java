package id.rembug.bot.knowledge;

import id.rembug.bot.conversation.ConversationKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Which articles a group already got through a "read" button, per message the button is under:
 * the first press posts the article, every later press of any "read" button for it under that
 * message gets a toast instead, however many residents press.
 *
 * <p>A key per group, message and article ({@link ConversationKeys#postedArticle}) holds the
 * update id of the press that posted it, set only if absent. Hooks may run again for the same
 * update (a crash before the commit, or another worker that won the commit), so that same press
 * is answered as the first one again: its outgoing message ids are the same, and the outbox
 * sends it once.
 */
@Component
public class PostedArticles {

    /** How long a group is reminded rather than sent the article again. */
    static final Duration KEPT_FOR = Duration.ofDays(30);

    private final StringRedisTemplate redis;

    PostedArticles(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Whether this press (its update id, the same on a retry) is the one that posts the article. */
    public boolean claim(String groupId, String messageId, String articleId, String pressId) {
        String key = ConversationKeys.postedArticle(groupId, messageId, articleId);
        if (Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key, pressId, KEPT_FOR))) {
            return true;
        }
        return pressId.equals(redis.opsForValue().get(key));
    }
}
