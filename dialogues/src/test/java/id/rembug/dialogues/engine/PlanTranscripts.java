package id.rembug.dialogues.engine;

/** Transcript openings the plan's tests share (see {@code TranscriptRunner} for the format). */
final class PlanTranscripts {

    /** A group of the plan-mini flow at its plan prompt: the facilitator Fasil, residents Ani and Budi. */
    static final String AT_THE_PLAN_PROMPT = """
            flow: flows/plan-mini.yaml
            messages: flows/test-messages.yaml
            latecomer-grace: PT0S
            start: 2026-01-05T09:00:00+07:00

            Fasil added the bot
              ...
            Fasil: /fasilitator
              ...
            Ani joins
              ...
            Budi joins
              ...
            Fasil: /mulai
              ...
            """;

    private PlanTranscripts() {
    }
}
