package id.rembug.bot.simulator;

import id.rembug.bot.testsupport.RedisServerExtension;
import id.rembug.bot.testsupport.TestRedis;
import id.rembug.dialogues.flow.Language;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page draws a chat from {@link ChatView} and then polls with its version, which answers
 * "nothing new" (204) until the version changes: a view must never carry the version of a message
 * it does not show, or that message stays off the page until the chat changes again.
 */
@TestRedis
class ChatViewTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);

    @Test
    void aBotMessageSentWhileThePageReadsTheChatShowsAtTheNextPoll() {
        SendsWhileTheLogIsRead store = new SendsWhileTheLogIsRead(RedisServerExtension.template());
        String groupId = new SimulatorService(store, new CollectingInboxWriter(), CLOCK).createDefaultGroup().chatId();
        store.setBotInGroup(groupId, true);
        SimulatorGateway bot = new SimulatorGateway(store, CLOCK);
        bot.send(Outgoings.text(groupId, "Pak Sari mengajak kita lanjut."));
        // the dispatcher sends the next stage while the page's poll is between its reads
        store.sendNext = () -> bot.send(Outgoings.text(groupId, "Langkah 2 · Kenali potensi"));

        ChatView drawn = ChatView.of(groupId, store, PageText.of(Language.ID), CLOCK);

        boolean drawnNow = drawn.messages().stream().anyMatch(line -> line.text().startsWith("Langkah 2"));
        boolean nextPollRedraws = drawn.version() != store.version(groupId);
        assertThat(drawnNow || nextPollRedraws)
                .as("the view shows 'Langkah 2' or its version tells the next poll to draw the chat again")
                .isTrue();
    }

    /** The real store, with one message sent by the bot just after the page read the log. */
    private static final class SendsWhileTheLogIsRead extends SimulatorStore {

        private Runnable sendNext;

        SendsWhileTheLogIsRead(StringRedisTemplate redis) {
            super(redis);
        }

        @Override
        public List<ChatRecord> log(String chatId) {
            List<ChatRecord> read = super.log(chatId);
            Runnable send = sendNext;
            sendNext = null;
            if (send != null) {
                send.run();
            }
            return read;
        }
    }
}
