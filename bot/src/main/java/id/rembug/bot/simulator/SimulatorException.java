package id.rembug.bot.simulator;

/** A request the simulator cannot carry out; {@link #problem()} says whether something is missing or wrong. */
public class SimulatorException extends RuntimeException {

    public enum Problem { NOT_FOUND, INVALID }

    private final Problem problem;

    public SimulatorException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    static SimulatorException notFound(String message) {
        return new SimulatorException(Problem.NOT_FOUND, message);
    }

    static SimulatorException invalid(String message) {
        return new SimulatorException(Problem.INVALID, message);
    }
}
