package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.PollDirectory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static id.rembug.bot.telegram.TelegramSamples.BOT_ID;
import static id.rembug.bot.telegram.TelegramSamples.update;
import static org.assertj.core.api.Assertions.assertThat;

/** A vote names only its poll: the poll's chat and decision come from where it was sent. */
class TelegramPollAnswerTest {

    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");

    /** The polls the gateway recorded, kept in memory for the test. */
    private final Map<String, PollDirectory.PollTarget> sent = new HashMap<>();
    private final PollDirectory polls = new PollDirectory() {
        @Override
        public void remember(String pollId, PollTarget target) {
            sent.put(pollId, target);
        }

        @Override
        public Optional<PollTarget> find(String pollId) {
            return Optional.ofNullable(sent.get(pollId));
        }
    };
    private final TelegramUpdateTranslator translator =
            new TelegramUpdateTranslator(BOT_ID, Clock.fixed(NOW, ZoneOffset.UTC), polls);

    @Test
    void aVoteInOurPollGoesToThePollsGroupAndDecision() {
        polls.remember("5390121812353007617", new PollDirectory.PollTarget("-4012345678", "arah|1|1|poll"));

        assertThat(translator.translate(update("poll-answer"))).containsExactly(new Inbound.PollAnswered(
                "tg:700100090", "-4012345678", NOW, ChatUser.person("5011", "Siti Rahayu"), "arah|1|1|poll",
                List.of(1)));
    }

    @Test
    void aVoteTakenBackHasNoOptions() {
        polls.remember("5390121812353007617", new PollDirectory.PollTarget("-4012345678", "arah|1|1|poll"));

        assertThat(translator.translate(update("poll-answer-retracted"))).singleElement()
                .isInstanceOfSatisfying(Inbound.PollAnswered.class, vote -> assertThat(vote.optionIds()).isEmpty());
    }

    @Test
    void aVoteInAPollWeDoNotKnowIsIgnored() {
        assertThat(translator.translate(update("poll-answer"))).isEmpty();
    }
}
