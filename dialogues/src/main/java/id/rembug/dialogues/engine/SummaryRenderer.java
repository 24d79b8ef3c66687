package id.rembug.dialogues.engine;

import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.GoalAssessment;
import id.rembug.dialogues.goal.GoalCriterion;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a stage summary as the plain text a facilitator reads on a phone: heading, the answers
 * grouped by question, who took part and who stayed quiet, goal checks, and what comes next.
 */
public final class SummaryRenderer {

    private final Flow flow;
    private final Messages messages;

    public SummaryRenderer(Flow flow, Messages messages) {
        this.flow = flow;
        this.messages = messages;
    }

    /** Facilitators know the method's names: the stage's, beside the plain title the group saw. */
    private String facilitatorTitle(String stageKey, id.rembug.dialogues.flow.Text title, Language language) {
        return flow.stage(stageKey).map(stage -> stage.facilitatorTitle(language)).orElse(title.in(language));
    }

    public String render(StageSummary summary, Language language) {
        StringBuilder out = new StringBuilder();
        Map<String, Object> heading = Map.of("number", summary.stageNumber(), "total", summary.stageCount(),
                "title", facilitatorTitle(summary.stageKey(), summary.title(), language));
        out.append(messages.get(summary.complete() ? MessageKey.SUMMARY_HEADING : MessageKey.SUMMARY_IN_PROGRESS,
                language, heading));
        if (summary.closedBy() == StageSummary.ClosedBy.FACILITATOR) {
            out.append('\n').append(messages.get(MessageKey.SUMMARY_REASON_FACILITATOR, language));
        }
        boolean anyAnswer = false;
        Stage stage = flow.stage(summary.stageKey()).orElse(null);
        for (StageSummary.PromptAnswers prompt : summary.prompts()) {
            if (prompt.answers().isEmpty()) {
                continue;
            }
            anyAnswer = true;
            out.append("\n\n❓ ").append(prompt.text().in(language));
            for (Answer answer : prompt.answers()) {
                out.append("\n• ").append(answerLine(stage, answer, language));
                if (answer.late()) {
                    out.append(' ').append(messages.get(MessageKey.LATE_MARK, language));
                }
                if (answer.goal() != null) {
                    out.append("\n  ").append(goalLine(answer.goal(), language));
                }
            }
            summary.decisions().stream().filter(d -> d.promptKey().equals(prompt.promptKey()))
                    .forEach(d -> out.append("\n").append(decisionLine(d, language)));
        }
        if (!anyAnswer) {
            out.append("\n\n").append(messages.get(MessageKey.SUMMARY_NO_ANSWERS, language));
        }
        out.append("\n\n").append(messages.get(MessageKey.SUMMARY_PARTICIPANTS, language, Map.of(
                "count", summary.participants().size(),
                "names", summary.participants().stream()
                        .map(p -> p.member().name() + " (" + p.answers() + ")")
                        .collect(Collectors.joining(", ")))));
        out.append('\n').append(quietLine(summary, language));
        out.append("\n\n").append(summary.next() == null
                ? messages.get(MessageKey.SUMMARY_LAST, language)
                : messages.get(MessageKey.SUMMARY_NEXT, language, Map.of(
                "title", facilitatorTitle(summary.next().key(), summary.next().title(), language),
                "purpose", summary.next().purpose().in(language))));
        return out.toString();
    }

    /** The group's decision on a prompt: the agreed text with its votes and who voted, or the open proposals. */
    public String decisionLine(Decision decision, Language language) {
        if (!decision.confirmed()) {
            List<Integer> tally = decision.tally();
            List<String> options = new ArrayList<>();
            for (int i = 0; i < decision.candidates().size(); i++) {
                options.add((i + 1) + ". " + decision.candidates().get(i).text() + " (" + tally.get(i) + ")");
            }
            return messages.get(MessageKey.SUMMARY_DECISION_OPEN, language, Map.of("options",
                    options.isEmpty() ? "-" : String.join("; ", options)));
        }
        int agreedIndex = -1;
        for (int i = 0; i < decision.candidates().size(); i++) {
            if (decision.candidates().get(i).text().equals(decision.agreed())) {
                agreedIndex = i;
            }
        }
        int votes = agreedIndex < 0 ? decision.votes().size() : decision.tally().get(agreedIndex);
        String voters = decision.votes().stream().map(v -> v.memberName() + " → " + (v.candidate() + 1))
                .collect(Collectors.joining(", "));
        String line = messages.get(MessageKey.SUMMARY_DECISION, language, Map.of("text", decision.agreed(),
                "votes", votes, "voters", voters.isEmpty() ? "-" : voters));
        if (decision.goal() != null) {
            line += "\n  " + goalLine(decision.goal(), language);
        }
        return line;
    }

    /**
     * Who has not spoken. "Everyone has spoken" only when the channel counted the group and that
     * many took part: the bot does not see members who never wrote, so otherwise it says who it knows.
     */
    private String quietLine(StageSummary summary, Language language) {
        if (!summary.quiet().isEmpty()) {
            return messages.get(MessageKey.SUMMARY_QUIET, language, Map.of("names", names(summary.quiet())));
        }
        if (summary.residents() > 0 && summary.participants().size() >= summary.residents()) {
            return messages.get(MessageKey.SUMMARY_NOBODY_QUIET, language);
        }
        return messages.get(MessageKey.SUMMARY_ALL_KNOWN_SPOKE, language,
                Map.of("count", summary.participants().size()));
    }

    /** What the goal has, lacks and leaves to the group; then, on its own line, a broker step when it asks outsiders. */
    String goalLine(GoalAssessment goal, Language language) {
        List<String> parts = new ArrayList<>();
        if (!goal.met().isEmpty()) {
            parts.add(messages.get(MessageKey.SUMMARY_GOAL_MET, language, Map.of("met", names(goal.met(), language))));
        }
        if (!goal.missing().isEmpty()) {
            String missing = names(goal.missing(), language);
            if (goal.untilWhen() != null) {
                missing += " (" + messages.get(MessageKey.SUMMARY_GOAL_UNTIL_WHEN, language,
                        Map.of("repetition", goal.untilWhen())) + ")";
            }
            parts.add(messages.get(MessageKey.SUMMARY_GOAL_MISSING, language, Map.of("missing", missing)));
        }
        if (!goal.notCheckable().isEmpty()) {
            parts.add(messages.get(MessageKey.SUMMARY_GOAL_NOT_CHECKED, language,
                    Map.of("criteria", names(goal.notCheckable(), language))));
        }
        String line = String.join(" · ", parts);
        if (goal.brokerHint() != null) {
            line += "\n  " + messages.get(MessageKey.SUMMARY_GOAL_BROKER, language, Map.of("request", goal.brokerHint()));
        }
        return line;
    }

    private String names(Set<GoalCriterion> criteria, Language language) {
        return criteria.stream().map(c -> messages.get(GoalTexts.nameKey(c), language)).collect(Collectors.joining(", "));
    }

    /**
     * One answer as a summary line, after its bullet: "Ani: kerja bakti", or for media what it is
     * first: "📷 Ani, foto: sumur tua", "🎤 Budi, pesan suara 0:42", with a machine transcription
     * marked as one on the next line.
     */
    public String answerLine(Stage stage, Answer answer, Language language) {
        AnswerMedia media = answer.media();
        if (media == null) {
            return writer(answer, language) + ": " + display(stage, answer, language);
        }
        StringBuilder line = new StringBuilder(media.kind().symbol()).append(' ').append(writer(answer, language))
                .append(", ").append(mediaName(media, language));
        String words = display(stage, answer, language);
        if (words != null && !words.isBlank()) {
            line.append(": ").append(words);
        }
        if (media.transcript() != null && !media.transcript().isBlank()) {
            line.append("\n  📝 ").append(messages.get(MessageKey.MEDIA_TRANSCRIPT, language)).append(": “")
                    .append(media.transcript().strip()).append('”');
        }
        return line.toString();
    }

    /**
     * Who wrote the answer, as the facilitator, the dashboard and exports show it: the member's
     * name, or "tanpa nama" for an answer to a private question shown without names.
     */
    public String writer(Answer answer, Language language) {
        return answer.shownName(withoutName(language));
    }

    /** What stands for the writer of an answer shown without names: "tanpa nama". */
    public String withoutName(Language language) {
        return messages.get(MessageKey.SUMMARY_WITHOUT_NAME, language);
    }

    /** "pesan suara 0:42", "lokasi Balai Warga (-7.80100, 110.36400)", "dokumen notulen.pdf". */
    public String mediaName(AnswerMedia media, Language language) {
        StringBuilder name = new StringBuilder(messages.get(media.kind().nameKey(), language));
        if (!media.duration().isEmpty()) {
            name.append(' ').append(media.duration());
        }
        if (media.placeName() != null && !media.placeName().isBlank()) {
            name.append(' ').append(media.placeName().strip());
        }
        if (media.located()) {
            name.append(String.format(java.util.Locale.ROOT, " (%.5f, %.5f)", media.latitude(), media.longitude()));
        }
        return name.toString();
    }

    /** How an answer reads in a summary: the label of a chosen option, the items of a list. */
    public static String display(Stage stage, Answer answer, Language language) {
        if (answer.kind() == PromptKind.CHOICE && stage != null) {
            return stage.prompt(answer.promptKey())
                    .flatMap(p -> p.choice(answer.value()))
                    .map(c -> c.label().in(language))
                    .orElse(answer.value());
        }
        if (answer.kind() == PromptKind.SCALE) {
            return answer.value() + "/5";
        }
        if (answer.kind() == PromptKind.LIST && !answer.items().isEmpty()) {
            return String.join("; ", answer.items());
        }
        return answer.value();
    }

    private static String names(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.joining(", "));
    }
}
