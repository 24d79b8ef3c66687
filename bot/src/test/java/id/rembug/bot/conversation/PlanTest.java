package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    @Test
    void aSummaryForAReaderOfTheDailyDigestWaitsForItAndTheModelLeavesItAlone() {
        Plan plan = new Plan(null);
        Outgoing question = groupText(plan, "pertanyaan berikut");
        Outgoing summary = summaryFor(plan, "501");
        Outgoing otherSummary = summaryFor(plan, "502");

        assertThat(plan.digestChoicesNeeded()).containsExactly("501", "502");
        plan.applyDigestChoices(Set.of("501"));

        assertThat(plan.outgoing).containsExactly(question, otherSummary);
        assertThat(plan.digests).containsOnlyKeys("501");
        assertThat(plan.digests.get("501")).containsExactly(summary);
        assertThat(plan.modelJobs).extracting(ModelJob::editOf).containsExactly(otherSummary.id());
        assertThat(plan.digestChoicesNeeded()).isEmpty();
    }

    @Test
    void withNoReaderOfTheDailyDigestEverySummaryGoesNow() {
        Plan plan = new Plan(null);
        Outgoing summary = summaryFor(plan, "501");

        plan.applyDigestChoices(Set.of());

        assertThat(plan.outgoing).containsExactly(summary);
        assertThat(plan.digests).isEmpty();
        assertThat(plan.modelJobs).extracting(ModelJob::editOf).containsExactly(summary.id());
    }

    private static Outgoing groupText(Plan plan, String text) {
        Outgoing message = Outgoing.text(plan.nextId("-100", "1-0"), Outgoing.Lane.CONVERSATION, "-100", "-100", text,
                AT);
        plan.outgoing.add(message);
        return message;
    }

    /** A stage summary to the facilitator, with the model's job to improve it, as the planner writes them. */
    private static Outgoing summaryFor(Plan plan, String facilitator) {
        Outgoing summary = Outgoing.text(plan.nextId("-100", "1-0"), Outgoing.Lane.CONVERSATION, facilitator, "-100",
                "ringkasan tahap", AT);
        plan.outgoing.add(summary);
        plan.holdIfDailyDigest(facilitator, summary);
        plan.modelJobs.add(ModelJob.summary(summary.id() + ":model", "-100", facilitator, "-100", summary.id(), null,
                null, AT, summary.text(), summary.text(), List.of()));
        return summary;
    }
}
