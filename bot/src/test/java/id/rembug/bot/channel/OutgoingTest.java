package id.rembug.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import id.rembug.bot.channel.Outgoing.Kind;
import id.rembug.bot.channel.Outgoing.Lane;
import id.rembug.bot.channel.Outgoing.OutButton;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingTest {

    private static final Instant AT = Instant.parse("2026-12-06T09:00:00Z");
    private static final List<List<OutButton>> YES = List.of(List.of(new OutButton("Ya", "a:1")));

    @Test
    void eachFactorySetsOnlyWhatItsKindCarries() {
        Outgoing text = Outgoing.text("m1", Lane.BROADCAST, "-100", "g", "Halo", AT);
        assertThat(text).isEqualTo(new Outgoing("m1", Kind.TEXT, Lane.BROADCAST, "-100", "g", "Halo", List.of(), false,
                null, null, null, null, AT, null, false, false, List.of(), null));

        Outgoing edit = Outgoing.edit("m2", "-100", "g", "m1", "Halo lagi", YES, AT);
        assertThat(edit).isEqualTo(new Outgoing("m2", Kind.EDIT, Lane.CONVERSATION, "-100", "g", "Halo lagi", YES,
                false, null, null, null, null, AT, "m1", false, false, List.of(), null));

        Outgoing reaction = Outgoing.reaction("m3", "-100", "g", "42", "👍", AT);
        assertThat(reaction).isEqualTo(new Outgoing("m3", Kind.REACTION, Lane.CONVERSATION, "-100", "g", null,
                List.of(), false, "42", null, "👍", null, AT, null, false, false, List.of(), null));

        Outgoing alert = Outgoing.callbackAnswer("m4", "-100", "g", "cb-1", "Kenapa tahap ini penting", true, AT);
        assertThat(alert).isEqualTo(new Outgoing("m4", Kind.CALLBACK_ANSWER, Lane.CONVERSATION, "-100", "g",
                "Kenapa tahap ini penting", List.of(), false, null, null, null, "cb-1", AT, null, true, false, List.of(), null));
    }

    @Test
    void aPollCarriesItsOptionsAndAStopOrAPinNamesTheEarlierMessage() {
        Outgoing poll = Outgoing.poll("m5", "-100", "g", "Tujuan mana?", List.of("A", "B"), YES, AT);
        assertThat(poll).isEqualTo(new Outgoing("m5", Kind.POLL, Lane.CONVERSATION, "-100", "g", "Tujuan mana?", YES,
                false, null, null, null, null, AT, null, false, false, List.of("A", "B"), null));
        assertThat(Outgoing.stopPoll("m6", "-100", "g", "m5", List.of(), AT).editOf()).isEqualTo("m5");
        assertThat(Outgoing.pin("m7", "-100", "g", "m5", AT).refersToEarlier()).isTrue();
        assertThat(poll.withText("Tujuan yang mana?").options()).containsExactly("A", "B");
    }

    @Test
    void changingOneFieldKeepsEveryOther() {
        Outgoing asked = Outgoing.text("m1", Lane.CONVERSATION, "-100", "g", "Siapa saja?", AT)
                .withButtons(YES).forcingReply(true).replyingTo("7").asking("kenalan|1|0");

        Outgoing moved = asked.addressedTo("-200").withId("m9").withText("Siapa saja hadir?").asLasting();

        assertThat(moved).isEqualTo(new Outgoing("m9", Kind.TEXT, Lane.CONVERSATION, "-200", "g", "Siapa saja hadir?",
                YES, true, "7", "kenalan|1|0", null, null, AT, null, false, true, List.of(), null));
        assertThat(asked.addressedTo("-100")).isSameAs(asked);
    }
}
