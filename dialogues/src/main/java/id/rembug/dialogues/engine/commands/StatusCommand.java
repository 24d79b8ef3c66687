package id.rembug.dialogues.engine.commands;

import id.rembug.dialogues.engine.Event.CommandIssued;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.turn.Quorum;
import id.rembug.dialogues.engine.turn.Turn;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** /status: where the group stands; while a stage is open, who it still waits for. */
final class StatusCommand implements CommandHandler {

    @Override
    public void run(Member member, CommandIssued e, Turn turn) {
        GroupState.Builder s = turn.state();
        String ref = e.messageRef();
        switch (s.status) {
            case NEW -> turn.say(MessageKey.STATUS_NEW, Map.of(), ref);
            case ACTIVE -> {
                Stage stage = turn.currentStage();
                Prompt prompt = stage.prompts().get(s.promptIndex);
                Set<String> answered = Quorum.answerers(turn, prompt.key());
                String waiting = s.members.values().stream()
                        .filter(m -> m.present() && !turn.isFacilitator(m.id()) && !answered.contains(m.id()))
                        .map(Member::name).collect(Collectors.joining(", "));
                Map<String, Object> values = new LinkedHashMap<>(turn.stageValues());
                values.put("prompt", s.promptIndex + 1);
                values.put("prompts", stage.prompts().size());
                values.put("answered", answered.size());
                values.put("quorum", Quorum.effective(turn, stage));
                values.put("waiting", waiting.isEmpty() ? "-" : waiting);
                turn.say(MessageKey.STATUS_ACTIVE, values, ref);
            }
            case AWAITING_FACILITATOR -> turn.say(MessageKey.STATUS_AWAITING, turn.stageValues(), ref);
            case PAUSED -> turn.say(MessageKey.STATUS_PAUSED, turn.stageValues(), ref);
            case FINISHED -> turn.say(MessageKey.STATUS_FINISHED, Map.of("total", turn.flow().stageCount()), ref);
        }
    }
}
