package id.rembug.dialogues.engine.events;

import id.rembug.dialogues.engine.Event.AnsweredPrivately;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Answering;
import id.rembug.dialogues.engine.turn.PrivateQuestions;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.PromptKind;

import java.util.Map;

/**
 * A member answered a sensitive question in their private chat: stored as their answer to the
 * group's prompt and counted like any other. Everything said about it goes to them privately
 * (thanks, too long, closed); the group sees at most the question's count change.
 */
final class AnsweredPrivatelyHandler implements EventHandler<AnsweredPrivately> {

    @Override
    public void handle(AnsweredPrivately event, Turn turn) {
        String memberId = event.member().id();
        var open = PrivateQuestions.open(turn, event.stageKey(), event.round(), event.promptKey());
        if (open.isEmpty()) {
            PrivateQuestions.sayPrivately(turn, memberId, MessageKey.PRIVATE_PROMPT_CLOSED, Map.of());
            return;
        }
        String text = event.text() == null ? "" : event.text().strip();
        if (text.isEmpty()) {
            return;
        }
        Member member = turn.remember(event.member());
        int max = turn.settings().maxAnswerLength();
        if (text.length() > max) {
            PrivateQuestions.sayPrivately(turn, memberId, MessageKey.ANSWER_TOO_LONG,
                    Map.of("name", member.name(), "length", text.length(), "max", max));
            return;
        }
        PrivateQuestions.Open question = open.get();
        GroupState.Builder s = turn.state();
        String promptId = question.stage().key() + ":" + question.round() + ":" + question.prompt().key();
        boolean correcting = question.prompt().kind() == PromptKind.TEXT
                && (question.late() ? s.lateAnswers : s.answers).stream()
                .anyMatch(a -> a.promptId().equals(promptId) && a.memberId().equals(memberId));
        PrivateQuestions.sayPrivately(turn, memberId,
                correcting ? MessageKey.PRIVATE_ANSWER_CORRECTED : MessageKey.PRIVATE_ANSWER_THANKS, Map.of());
        Answering.recordTyped(turn, member, event.messageRef(), question.stage(), question.round(), question.prompt(),
                text, question.late());
    }
}
