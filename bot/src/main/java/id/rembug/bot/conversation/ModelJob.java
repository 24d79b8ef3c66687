package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.dialogues.engine.AnswerMedia;
import id.rembug.dialogues.engine.StageSummary;
import id.rembug.dialogues.flow.Language;

import java.time.Instant;
import java.util.List;

/**
 * Work for the language model after the turn that sent the deterministic result was committed:
 * the model's result, when usable, replaces the deterministic one by an edit of our message
 * {@code editOf}, which costs the chat no new message.
 *
 * @param id           the job and, when it is delivered, the edit's outbox id
 * @param conversation the conversation whose turn wrote it (a {@code /tanya} counts against its rate)
 * @param chatId       where the deterministic message went
 * @param groupId      the group, for the outbox (null in a private chat)
 * @param editOf       the outbox id of the deterministic message
 * @param at           when it was asked (the rate counts from it)
 * @param question     for {@link Kind#ANSWER}: the {@code /tanya} question
 * @param summary      for {@link Kind#SUMMARY}: the stage summary to write
 * @param text         for {@link Kind#SUMMARY}: the facilitator's message as sent
 * @param replace      for {@link Kind#SUMMARY}: the part of {@code text} the model's summary replaces
 * @param buttons      for {@link Kind#SUMMARY}: the message's buttons, which an edit must carry again
 * @param answerKey    for {@link Kind#TRANSCRIPT}: the stored answer the voice note came as
 * @param media        for {@link Kind#TRANSCRIPT}: the voice note, as the answer stored it
 */
public record ModelJob(String id, Kind kind, String conversation, String chatId, String groupId, String editOf,
                Language language, Instant at, String question, StageSummary summary, String text, String replace,
                List<List<OutButton>> buttons, String answerKey, AnswerMedia media) {

    enum Kind {
        /** A {@code /tanya} answer in the model's words, grounded in our articles. */
        ANSWER,
        /** The facilitator's stage summary written by the model. */
        SUMMARY,
        /**
         * A voice answer written down by speech to text; it reaches the answer through the group's
         * inbox ({@code Inbound.Transcribed}), not as an edit, and counts against no rate.
         */
        TRANSCRIPT;

        /** Whether the job counts against the conversation's model rate ({@code rembug.llm.per-group}). */
        boolean rated() {
            return this != TRANSCRIPT;
        }
    }

    public ModelJob {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    static ModelJob answer(String id, String conversation, String chatId, String groupId, String editOf,
                           String question, Language language, Instant at) {
        return new ModelJob(id, Kind.ANSWER, conversation, chatId, groupId, editOf, language, at, question, null, null,
                null, List.of(), null, null);
    }

    public static ModelJob summary(String id, String conversation, String chatId, String groupId, String editOf,
                            StageSummary summary, Language language, Instant at, String text, String replace,
                            List<List<OutButton>> buttons) {
        return new ModelJob(id, Kind.SUMMARY, conversation, chatId, groupId, editOf, language, at, null, summary, text,
                replace, buttons, null, null);
    }

    /** Speech to text for the voice note an answer of the group came as. */
    static ModelJob transcript(String id, String groupId, String answerKey, AnswerMedia voice, Instant at) {
        return new ModelJob(id, Kind.TRANSCRIPT, groupId, null, groupId, null, null, at, null, null, null, null,
                List.of(), answerKey, voice);
    }
}
