package id.rembug.dialogues.engine;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.rembug.dialogues.flow.PromptKind;
import id.rembug.dialogues.goal.GoalAssessment;

import java.time.Instant;
import java.util.List;

/**
 * How {@link StateCodec} stores an {@link Answer}: one- or two-letter names, and nothing for what
 * is empty (no items, no goal, not late, no media, not anonymous). A group keeps every answer it was given, in
 * its state, its answers hash and its stage summaries, so the names alone were half of what it
 * kept. Each name also reads under its old long form ({@link JsonAlias}): answers stored before
 * this encoding load unchanged. A field added to {@link Answer} later keeps its own name until
 * it is given a short one here.
 */
abstract class CompactAnswer {

    @JsonProperty("s")
    @JsonAlias("stageKey")
    abstract String stageKey();

    @JsonProperty("r")
    @JsonAlias("round")
    abstract int round();

    @JsonProperty("p")
    @JsonAlias("promptKey")
    abstract String promptKey();

    @JsonProperty("k")
    @JsonAlias("kind")
    abstract PromptKind kind();

    @JsonProperty("m")
    @JsonAlias("memberId")
    abstract String memberId();

    @JsonProperty("n")
    @JsonAlias("memberName")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String memberName();

    @JsonProperty("ref")
    @JsonAlias("messageRef")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String messageRef();

    @JsonProperty("v")
    @JsonAlias("value")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract String value();

    @JsonProperty("i")
    @JsonAlias("items")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<String> items();

    @JsonProperty("g")
    @JsonAlias("goal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract GoalAssessment goal();

    @JsonProperty("t")
    @JsonAlias("answeredAt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract Instant answeredAt();

    @JsonProperty("l")
    @JsonAlias("late")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract boolean late();

    @JsonProperty("md")
    @JsonAlias("media")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    abstract AnswerMedia media();

    @JsonProperty("a")
    @JsonAlias("anonymous")
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    abstract Boolean anonymous();
}
