package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PlanTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aMessageLeavingThePlanNeverLendsItsIdToTheNextOne() {
        Plan plan = new Plan(null);
        plan.outgoing.add(Outgoing.text(plan.nextId("-100", "1-0"), Outgoing.Lane.CONVERSATION, "-100", "-100",
                "pertanyaan", AT));
        Outgoing summary = Outgoing.text(plan.nextId("-100", "1-0"), Outgoing.Lane.CONVERSATION, "501", "-100",
                "ringkasan", AT);
        plan.outgoing.add(summary);
        plan.outgoing.remove(summary); // held for the daily digest

        String notice = plan.nextId("-100", "1-0");

        assertThat(notice).isNotEqualTo(summary.id()).isEqualTo("-100:1-0:2");
    }

    @Test
    void idsAreUniqueAcrossEntriesAndTheSameEntryAppliedAgainGetsTheSameIds() {
        Set<String> ids = new HashSet<>();
        for (String entry : new String[]{"1-0", "1-1", "2-0"}) {
            Plan plan = new Plan(null);
            for (int i = 0; i < 5; i++) {
                assertThat(ids.add(plan.nextId("-100", entry))).isTrue();
            }
        }
        Plan again = new Plan(null);
        assertThat(again.nextId("-100", "1-0")).isEqualTo("-100:1-0:0");
    }
}
