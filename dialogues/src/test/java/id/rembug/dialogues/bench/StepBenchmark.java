package id.rembug.dialogues.bench;

import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.engine.Engine;
import id.rembug.dialogues.engine.EngineSettings;
import id.rembug.dialogues.engine.Event;
import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.engine.Member;
import id.rembug.dialogues.engine.StateCodec;
import id.rembug.dialogues.flow.Flow;
import id.rembug.dialogues.flow.FlowLoader;
import id.rembug.dialogues.flow.Prompt;
import id.rembug.dialogues.flow.Stage;
import id.rembug.dialogues.goal.RuleBasedGoalChecker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How many events per second {@code Engine.step} applies: one answer in the middle of a stage,
 * a whole five-member journey through the 17 stock stages, one goal check, and the JSON round
 * trip of a state that the application pays on every event.
 *
 * <p>Run: see the README ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StepBenchmark {

    public static final int JOURNEY_EVENTS = 400;

    private Engine engine;
    private final RuleBasedGoalChecker goalChecker = new RuleBasedGoalChecker();
    private GroupState midStage;
    private Event answer;
    private List<Event> journey;
    private final StateCodec codec = new StateCodec();
    private String midStageJson;

    @Setup
    public void setUp() {
        Flow flow = FlowLoader.loadResource("flows/stock.yaml");
        engine = new Engine(flow, FlowLoader.loadMessagesResource("flows/messages.yaml"), new RuleBasedGoalChecker(),
                EngineSettings.defaults());
        journey = journey(flow);
        GroupState state = engine.newGroup("bench");
        for (Event event : journey.subList(0, 40)) {
            state = engine.step(state, event).state();
        }
        midStage = state;
        midStageJson = codec.write(midStage);
        answer = new Event.MemberAnswered(Instant.parse("2026-02-01T03:00:00Z"), Member.of("eka", "Eka"), "m-bench",
                null, "Dalam 3 bulan kami membersihkan selokan di 40 rumah secara swadaya");
    }

    /** A five-member group answering every prompt of every stage, the facilitator moving it on. */
    public static List<Event> journey(Flow flow) {
        List<Event> events = new ArrayList<>();
        Instant at = Instant.parse("2026-01-05T02:00:00Z");
        Member facilitator = Member.of("fasil", "Fasil");
        List<Member> residents = List.of(Member.of("ani", "Ani"), Member.of("budi", "Budi"),
                Member.of("citra", "Citra"), Member.of("dedi", "Dedi"), Member.of("eka", "Eka"));
        events.add(new Event.CommandIssued(at, facilitator, "c1", Command.CLAIM_FACILITATOR, ""));
        events.add(new Event.CommandIssued(at = at.plusSeconds(60), facilitator, "c2", Command.START, ""));
        int ref = 0;
        for (int stageIndex = 0; stageIndex < flow.stageCount(); stageIndex++) {
            Stage stage = flow.stage(stageIndex);
            for (Prompt prompt : stage.prompts()) {
                for (Member resident : residents) {
                    at = at.plusSeconds(30);
                    String messageRef = "r" + (++ref);
                    events.add(switch (prompt.kind()) {
                        case CHOICE -> new Event.OptionChosen(at, resident, messageRef, stage.key(), 1, prompt.key(),
                                prompt.choices().get(ref % prompt.choices().size()).key());
                        case SCALE -> new Event.OptionChosen(at, resident, messageRef, stage.key(), 1, prompt.key(),
                                Integer.toString(1 + ref % 5));
                        case GOAL -> new Event.MemberAnswered(at, resident, messageRef, prompt.key(),
                                "Dalam 3 bulan kami membersihkan selokan di 40 rumah secara swadaya");
                        case LIST -> new Event.MemberAnswered(at, resident, messageRef, prompt.key(),
                                "air bersih, sampah, jalan rusak");
                        case TEXT -> new Event.MemberAnswered(at, resident, messageRef, prompt.key(),
                                "Menurut saya kita mulai dari kerja bakti bersama tiap Sabtu pagi.");
                    });
                }
            }
            events.add(new Event.CommandIssued(at = at.plusSeconds(60), facilitator, "adv" + stageIndex,
                    Command.ADVANCE, ""));
        }
        while (events.size() < JOURNEY_EVENTS) {
            events.add(new Event.TimePassed(at = at.plusSeconds(3600)));
        }
        return events.subList(0, JOURNEY_EVENTS);
    }

    @Benchmark
    public void oneAnswerMidStage(Blackhole hole) {
        hole.consume(engine.step(midStage, answer));
    }

    @Benchmark
    @OperationsPerInvocation(JOURNEY_EVENTS)
    public void wholeJourneyOfFiveMembers(Blackhole hole) {
        GroupState state = engine.newGroup("bench");
        for (Event event : journey) {
            state = engine.step(state, event).state();
        }
        hole.consume(state);
    }

    @Benchmark
    public void goalCheck(Blackhole hole) {
        hole.consume(goalChecker.assess("Dalam 3 bln kami warga RT 05 bersihin selokan tiap Sabtu, 40 rumah, swadaya"));
    }

    @Benchmark
    public void stateJsonRoundTrip(Blackhole hole) {
        hole.consume(codec.readState(codec.write(codec.readState(midStageJson))));
    }
}
