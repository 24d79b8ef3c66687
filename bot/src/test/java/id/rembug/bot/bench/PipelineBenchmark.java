package id.rembug.bot.bench;

import id.rembug.bot.testsupport.RembugApp;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Updates per second and update-to-reply latency through the whole Rembug pipeline (long polling,
 * Redis inbox, group processor and engine, outbox, dispatcher, Bot API call), beside a bare
 * TelegramBots echo bot, both against the same {@link FakeBotApi} on loopback in the same run.
 * A program that prints figures, not a test; see the README for the command.
 *
 * <p>Each bot gets warm-up waves until its JIT has settled (not reported), a loaded wave (many
 * groups at once) and a light wave (one group at a time). Rembug runs twice: with the dispatcher's
 * rate limits raised out of the way, so that the pipeline is what is measured, and with Telegram's
 * real limits, which is what a deployed bot gets. Settings (system properties of the benchmark
 * JVM): {@code bench.groups}, {@code bench.warmup-groups}, {@code bench.warmup-waves},
 * {@code bench.light-groups}, {@code bench.limited-groups}, {@code bench.wave-timeout-seconds},
 * {@code bench.rembug-args} (extra Spring properties, to try settings), {@code bench.runs} (which
 * runs to play), {@code bench.trace} and {@code bench.show-group} (what one group saw).
 */
public final class PipelineBenchmark {

    private static final int GROUPS = Integer.getInteger("bench.groups", 200);
    /**
     * One warm-up wave; waves are played until the JIT has settled ({@link #warmUp}), since a bot
     * running for weeks pays no compiler. After one wave of 600 groups the compiler threads still used
     * 1.0–1.2 ms of CPU per update through the measured wave (a third of the JVM's CPU), after ten
     * about 0.4 ms, and Rembug answered 1.5× as many updates a second.
     */
    private static final int WARMUP_GROUPS = Integer.getInteger("bench.warmup-groups", 600);
    /**
     * At most this many warm-up waves, however busy the compiler still is. On two cores Rembug's
     * compiler still took 15-30% of the CPU in the tenth wave (the measured wave then carried
     * 0.1-0.15 ms of compiling per update); it settled under 10% after 11 to 13.
     */
    private static final int WARMUP_WAVES = Integer.getInteger("bench.warmup-waves", 20);
    /** The JIT counts as settled once its threads used less than this share of a warm-up wave's CPU. */
    private static final double SETTLED_COMPILER_SHARE = 0.10;
    private static final int LIGHT_GROUPS = Integer.getInteger("bench.light-groups", 10);
    private static final int LIMITED_GROUPS = Integer.getInteger("bench.limited-groups", 20);
    /**
     * How long residents take to reply to a question (or press its button) after it was sent.
     * Not 0: Rembug learns a question's message id only from Telegram's answer to sendMessage,
     * and a reply processed before it has recorded that id is taken for chatter, so the group
     * waits for an answer that never counts.
     */
    private static final long REPLY_DELAY_MILLIS = Long.getLong("bench.reply-delay-ms", 100);
    private static final long WAVE_TIMEOUT_SECONDS = Long.getLong("bench.wave-timeout-seconds", 90);
    /** Extra Spring properties for both Rembug runs, space-separated {@code name=value}, to try settings. */
    private static final List<String> EXTRA_ARGS = Stream.of(System.getProperty("bench.rembug-args", "").split("\\s+"))
            .filter(arg -> !arg.isBlank()).map(arg -> arg.startsWith("--") ? arg : "--" + arg).toList();

    /**
     * Which runs to play, comma-separated: {@code raised} (Rembug with limits raised), {@code limited}
     * (Telegram's limits), {@code echo} (the echo bot); all by default. One run alone is for profiling.
     */
    private static final List<String> RUNS = List.of(System.getProperty("bench.runs", "raised,limited,echo").split(","));

    private static final List<String> RAISED_LIMITS = List.of(
            "--rembug.dispatch.limits.global=1000000",
            "--rembug.dispatch.limits.broadcast=1000",
            "--rembug.dispatch.limits.chat-interval=1ms",
            "--rembug.dispatch.limits.chat-burst=1000",
            "--rembug.dispatch.limits.group=1000000");

    private final List<ConversationLoad.Result> results = new ArrayList<>();
    private final List<String> cpuLines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        PipelineBenchmark benchmark = new PipelineBenchmark();
        benchmark.printMachine();
        benchmark.fakeSelfTest();
        if (RUNS.contains("raised")) {
            benchmark.rembug("Rembug, limits raised", RAISED_LIMITS, WARMUP_GROUPS, WARMUP_WAVES, GROUPS, LIGHT_GROUPS);
        }
        if (RUNS.contains("limited")) {
            // second, in a JVM the first run warmed up: one short wave will do
            benchmark.rembug("Rembug, Telegram's limits", List.of(), 5, 1, LIMITED_GROUPS, 0);
        }
        if (RUNS.contains("echo")) {
            benchmark.echo();
        }
        benchmark.printResults();
        System.out.printf(Locale.ROOT, "%nWhole benchmark: %.0f s%n", (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    // ---- the runs ----------------------------------------------------------------------------

    private void rembug(String label, List<String> limits, int warmup, int warmupWaves, int groups, int light)
            throws Exception {
        Path dataDir = Files.createTempDirectory("rembug-bench-redis");
        try (FakeBotApi api = new FakeBotApi()) {
            List<String> args = new ArrayList<>(List.of(
                    "--rembug.telegram.token=" + FakeBotApi.TOKEN,
                    "--rembug.telegram.api-url=" + api.url(),
                    "--rembug.redis.embedded.enabled=true",
                    "--rembug.redis.embedded.data-dir=" + dataDir,
                    "--rembug.redis.embedded.port=0",
                    "--rembug.simulator.enabled=false",
                    "--server.port=0", "--management.server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    // on shutdown the library logs the aborted long poll as an error with a stack trace
                    "--logging.level.org.telegram.telegrambots.longpolling.BotSession=OFF",
                    // longer than the run: with the production 2 minutes (the tests' shortened grace is on this
                    // class path) the warm-up groups' stages would close during the measured wave, their
                    // summaries sent then, work no update of the wave asked for; a wave's own groups are done
                    // long before either grace ends, so the measured work is the same
                    "--rembug.conversation.latecomer-grace=1h",
                    // an answer's response is now the progress edit of its question; in production it waits 3 s
                    // to coalesce answers that come together, which is not the pipeline's own latency
                    "--rembug.dispatch.limits.edit-delay=0s"));
            args.addAll(limits);
            // an extra argument replaces the benchmark's own of the same name (Spring would join the two)
            EXTRA_ARGS.stream().filter(extra -> extra.contains("="))
                    .map(extra -> extra.substring(0, extra.indexOf('=') + 1))
                    .forEach(name -> args.removeIf(arg -> arg.startsWith(name)));
            args.addAll(EXTRA_ARGS);
            System.out.printf("%n== %s ==%nSpring arguments: %s%n", label, String.join(" ", args));
            long bootStart = System.nanoTime();
            try (ConfigurableApplicationContext context = RembugApp.start(Map.of(), args.toArray(String[]::new))) {
                awaitReady(api);
                System.out.printf(Locale.ROOT, "started and polling in %.1f s%n", (System.nanoTime() - bootStart) / 1e9);
                Optional<ProcessHandle> redis = ProcessHandle.current().descendants()
                        .filter(p -> p.info().command().orElse("").contains("redis")).findFirst();
                long rewritesCpuBefore = redisChildrenCpu(redis);
                long forksBefore = redisForks(context);
                long updatesBefore = api.updatesQueued();
                int wave = warmUp(api, ConversationLoad.Mode.REMBUG, warmup, label, warmupWaves);
                freshAppendOnlyFile(context);
                Map<String, Long> commandsBefore = redisCommands(context);
                Map<String, Long> botCallsBefore = api.callCounts();
                wave(api, ConversationLoad.Mode.REMBUG, wave++, groups, groups, label, redis);
                notes.add(commandsPerMessage(label, commandsBefore, redisCommands(context), botCallsBefore,
                        api.callCounts()));
                if (light > 0) {
                    wave(api, ConversationLoad.Mode.REMBUG, wave, light, 1, label + ", 1 group at a time", redis);
                }
                notes.add(appendOnlyFileRewrites(label, redisForks(context) - forksBefore,
                        redisChildrenCpu(redis) - rewritesCpuBefore, api.updatesQueued() - updatesBefore));
                System.out.println("Bot API calls seen: " + api.callCounts());
            }
        } finally {
            deleteQuietly(dataDir);
        }
    }

    /**
     * Waits until the JIT compiler is done with what the warm-up made hot (it compiled for less than
     * 10 ms in each of two half-seconds; at most a minute). On two busy cores the compiler falls
     * behind during a wave, and what it still compiles in the measured wave is not the bot's cost.
     */
    private static void awaitQuietCompiler() throws InterruptedException {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long compiled = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() - start < 60_000_000_000L) {
            Thread.sleep(500);
            long now = jit.getTotalCompilationTime();
            quiet = now - compiled < 10 ? quiet + 1 : 0;
            compiled = now;
        }
        System.out.printf(Locale.ROOT, "JIT compiler quiet after %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void echo() throws Exception {
        String label = "TelegramBots echo bot";
        System.out.printf("%n== %s ==%n", label);
        try (FakeBotApi api = new FakeBotApi(); EchoBot bot = new EchoBot(FakeBotApi.TOKEN, api.port())) {
            awaitPolling(api);
            int wave = warmUp(api, ConversationLoad.Mode.ECHO, WARMUP_GROUPS, label, WARMUP_WAVES);
            wave(api, ConversationLoad.Mode.ECHO, wave++, GROUPS, GROUPS, label, Optional.empty());
            wave(api, ConversationLoad.Mode.ECHO, wave, LIGHT_GROUPS, 1, label + ", 1 group at a time",
                    Optional.empty());
            System.out.println("Bot API calls seen: " + api.callCounts());
        }
    }

    /** Plays one wave; {@code redis} null marks a warm-up, whose figures are not kept. */
    private double wave(FakeBotApi api, ConversationLoad.Mode mode, int wave, int groups, int concurrency, String label,
                        Optional<ProcessHandle> redis) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long jvmCpu = os.getProcessCpuTime();
        long fakeCpu = api.cpuNanos();
        long redisCpu = redis == null ? 0 : redisCpu(redis);
        Map<String, Long> threadsCpu = cpuByThreadFamily();
        long[] vmBefore = vmWork();
        Map<String, Long> vmThreadsBefore = vmThreadsCpu();
        long wallStart = System.nanoTime();
        ConversationLoad.Result result = new ConversationLoad(api, mode, wave, groups, concurrency, REPLY_DELAY_MILLIS)
                .run(label, WAVE_TIMEOUT_SECONDS);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double jvm = (os.getProcessCpuTime() - jvmCpu) / 1e9;
        double fake = (api.cpuNanos() - fakeCpu) / 1e9;
        double redisSeconds = redis == null ? 0 : (redisCpu(redis) - redisCpu) / 1e9;
        System.out.printf(Locale.ROOT, "%-48s %5d updates answered of %5d in %6.2f s%s%n", label, result.answered(),
                result.updates(), result.seconds(), result.complete() ? "" : "  INCOMPLETE, unanswered: "
                        + result.unanswered() + ", groups given up after 20 s without an answer: "
                        + result.stalledGroups());
        Map<String, Long> vmThreads = vmThreadsCpu();
        long compilerNanos = vmThreads.entrySet().stream().filter(e -> e.getKey().contains("Compiler"))
                .mapToLong(e -> e.getValue() - vmThreadsBefore.getOrDefault(e.getKey(), 0L)).sum();
        double compilerShare = compilerNanos / 1e9 / Math.max(jvm, 1e-9);
        settle(api);
        if (redis == null) {
            return compilerShare;
        }
        results.add(result);
        cpuLines.add(String.format(Locale.ROOT,
                "%-44s wall %6.2f s | JVM %6.2f s (of which fake+driver %5.2f s)%s | %.2f of %d cores busy",
                label, wall, jvm, fake, redis.isPresent() ? String.format(Locale.ROOT, " | redis-server %5.2f s",
                        redisSeconds) : "", (jvm + redisSeconds) / wall, Runtime.getRuntime().availableProcessors()));
        cpuLines.add("    by thread, CPU per update answered: " + perUpdate(threadsCpu, cpuByThreadFamily(), result.answered()));
        long[] vmAfter = vmWork();
        cpuLines.add(String.format(Locale.ROOT, "    the JVM's own threads, CPU per update answered: %s; %d garbage "
                        + "collections (%d ms); %.0f MB allocated per 1,000 updates; %d classes loaded",
                perUpdate(vmThreadsBefore, vmThreads, result.answered()), vmAfter[0] - vmBefore[0],
                vmAfter[1] - vmBefore[1], (vmAfter[2] - vmBefore[2]) / 1e6 * 1000 / Math.max(1, result.answered()),
                vmAfter[3] - vmBefore[3]));
        return compilerShare;
    }

    /**
     * Warm-up waves of {@code groups} groups until the JIT compiler's threads used less than
     * {@link #SETTLED_COMPILER_SHARE} of a wave's CPU (or {@code maxWaves} were played), then
     * a wait for it to finish what is queued; returns the number of the next wave.
     */
    private int warmUp(FakeBotApi api, ConversationLoad.Mode mode, int groups, String label, int maxWaves)
            throws InterruptedException {
        int wave = 0;
        double compilerShare;
        do {
            compilerShare = wave(api, mode, wave, groups, groups, label + " warm-up " + (wave + 1), null);
            System.out.printf(Locale.ROOT, "  the JIT compiler used %.0f%% of the JVM's CPU in it%n", compilerShare * 100);
            wave++;
        } while (compilerShare >= SETTLED_COMPILER_SHARE && wave < maxWaves);
        awaitQuietCompiler();
        return wave;
    }

    /**
     * CPU so far of the JVM's threads that are no Java threads (JIT compilers, garbage collector),
     * by family, from Linux's {@code /proc/self/task}; empty elsewhere. On two busy cores the
     * compilers' share says whether a wave measured a warmed-up bot.
     */
    private static Map<String, Long> vmThreadsCpu() {
        Map<String, Long> byFamily = new java.util.HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byFamily;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!VM_THREADS.matcher(name).lookingAt()) {
                        return;
                    }
                    byFamily.merge(family(name), statCpuNanos(stat, UTIME), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            });
        } catch (IOException unreadable) {
            return byFamily;
        }
        return byFamily;
    }

    /** Nanoseconds per clock tick of {@code /proc}'s CPU times (USER_HZ, 100 on Linux). */
    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Where utime (then stime) and cutime (then cstime: children that ended) are, after a stat line's name. */
    private static final int UTIME = 11;
    private static final int CUTIME = 13;

    /** Two adjacent CPU times of a {@code /proc/.../stat} line, from field {@code first} after its name, in ns. */
    private static long statCpuNanos(String stat, int first) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) * NANOS_PER_TICK;
    }

    private static final java.util.regex.Pattern VM_THREADS =
            java.util.regex.Pattern.compile("C1 Compil|C2 Compil|G1 |GC Thread|VM Thread|VM Periodic|Sweeper");

    /** Collections so far, their milliseconds, bytes allocated by live threads, classes loaded. */
    private static long[] vmWork() {
        long collections = 0;
        long collectionMillis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
        }
        return new long[]{collections, collectionMillis, allocated,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()};
    }

    /**
     * CPU used so far by the live threads of each family ({@link #family}): the
     * figures JFR's samples give only as shares, here in time, so a wave can say where its CPU went.
     */
    private static Map<String, Long> cpuByThreadFamily() {
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byFamily = new java.util.HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            long nanos = threads.getThreadCpuTime(thread.getId());
            if (nanos > 0) {
                byFamily.merge(family(thread.getName()), nanos, Long::sum);
            }
        }
        return byFamily;
    }

    /** A thread's family: its name with the numbers taken out ({@code rembug-dispatch-N}). */
    private static String family(String threadName) {
        return threadName.replaceAll("\\d+", "N").strip();
    }

    /** The families that used at least 1% of the wave's thread CPU, most first, in µs per update. */
    private static String perUpdate(Map<String, Long> before, Map<String, Long> after, int updates) {
        Map<String, Long> used = new java.util.HashMap<>();
        after.forEach((family, nanos) -> used.put(family, nanos - before.getOrDefault(family, 0L)));
        long all = used.values().stream().mapToLong(Long::longValue).sum();
        return used.entrySet().stream().filter(e -> e.getValue() > 0 && e.getValue() * 100 >= all)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f µs", e.getKey(), e.getValue() / 1e3 / Math.max(1, updates)))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static Map<String, Long> redisCommands(ConfigurableApplicationContext context) {
        return RedisCommandCounts.read(context.getBean(org.springframework.data.redis.core.StringRedisTemplate.class));
    }

    /** Redis commands of the wave per message the bot sent (sendMessage, edits, callback answers...). */
    private static String commandsPerMessage(String label, Map<String, Long> before, Map<String, Long> after,
                                             Map<String, Long> botCallsBefore, Map<String, Long> botCallsAfter) {
        long messages = botCallsAfter.entrySet().stream().filter(e -> !e.getKey().equals("getupdates"))
                .mapToLong(e -> e.getValue() - botCallsBefore.getOrDefault(e.getKey(), 0L)).sum();
        Map<String, Long> delta = RedisCommandCounts.since(before, after);
        long scripts = delta.getOrDefault("evalsha", 0L) + delta.getOrDefault("eval", 0L);
        long all = delta.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder top = new StringBuilder();
        delta.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(14)
                .forEach(e -> top.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue() / (double) messages)));
        return String.format(Locale.ROOT, "%s: %d Bot API calls (not getUpdates); Redis per call: %.2f script calls, "
                + "%.2f commands in all (those inside scripts included); by command:%s", label, messages,
                scripts / (double) messages, all / (double) messages, top);
    }

    /**
     * Rewrites Redis's append-only file now and waits until it is done (a minute at most). Redis
     * rewrites it in a forked child whenever it has doubled; under the warm-up's writes that was
     * every 10 to 15 s, each taking one of the two cores for 1 to 4 s, so a measured wave of about
     * a second shared the machine with one in some runs and not in others. Right after a rewrite the
     * next is a doubling away: the wave runs without one, and {@link #appendOnlyFileRewrites}
     * reports what the rewrites cost over the whole run instead.
     */
    private static void freshAppendOnlyFile(ConfigurableApplicationContext context) throws InterruptedException {
        long start = System.nanoTime();
        context.getBean(org.springframework.data.redis.core.StringRedisTemplate.class)
                .execute((org.springframework.data.redis.core.RedisCallback<Void>) connection -> {
                    connection.serverCommands().bgReWriteAof();
                    return null;
                });
        while (System.nanoTime() - start < Duration.ofMinutes(1).toNanos()) {
            Thread.sleep(100);
            java.util.Properties persistence = redisInfo(context, "persistence");
            if ("0".equals(persistence.getProperty("aof_rewrite_in_progress"))
                    && "0".equals(persistence.getProperty("aof_rewrite_scheduled"))) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "append-only file rewritten in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** How many children Redis forked so far (each an append-only file rewrite here: RDB saves are off). */
    private static long redisForks(ConfigurableApplicationContext context) {
        return Long.parseLong(redisInfo(context, "stats").getProperty("total_forks", "0"));
    }

    /** A section of Redis's {@code INFO}; empty when there is no answer. */
    private static java.util.Properties redisInfo(ConfigurableApplicationContext context, String section) {
        java.util.Properties info = context.getBean(org.springframework.data.redis.core.StringRedisTemplate.class)
                .execute((org.springframework.data.redis.core.RedisCallback<java.util.Properties>) connection ->
                        connection.serverCommands().info(section));
        return info == null ? new java.util.Properties() : info;
    }

    /**
     * CPU used so far by Redis's children that ended (its append-only file rewrites), from Linux's
     * {@code /proc/<pid>/stat} (cutime, cstime); 0 elsewhere. Not in the waves' redis-server figure.
     */
    private static long redisChildrenCpu(Optional<ProcessHandle> redis) {
        if (redis.isEmpty()) {
            return 0;
        }
        try {
            return statCpuNanos(Files.readString(Path.of("/proc", Long.toString(redis.get().pid()), "stat")), CUTIME);
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static String appendOnlyFileRewrites(String label, long rewrites, long cpuNanos, long updates) {
        return String.format(Locale.ROOT, "%s: %d append-only file rewrites over the run (%d updates, warm-up "
                        + "included; the measured wave starts right after one), %.1f s of CPU in Redis's forked "
                        + "children, %.0f µs per update on top of the waves' redis-server figure", label, rewrites,
                updates, cpuNanos / 1e9, cpuNanos / 1e3 / Math.max(1, updates));
    }

    private static long redisCpu(Optional<ProcessHandle> redis) {
        return redis.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** Ready: polling, and the start-up calls made, so they do not fall into the first wave. */
    private static void awaitReady(FakeBotApi api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.callCount("getupdates") == 0 || api.callCount("setmycommands") < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the bot did not start polling within 60 s: " + api.callCounts());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitPolling(FakeBotApi api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (api.callCount("getupdates") == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the echo bot did not start polling within 60 s");
            }
            Thread.sleep(20);
        }
    }

    /** Lets the bot finish what it still sends for the last wave (summaries...) before the next one. */
    private static void settle(FakeBotApi api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long seen = api.botCalls();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = api.botCalls();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > Duration.ofMillis(700).toNanos()) {
                return;
            }
        }
    }

    // ---- the fake's own capacity -------------------------------------------------------------

    /**
     * How many calls per second the fake answers when nothing else runs, from 4 keep-alive client
     * threads in this JVM (which share the cores with it, so this is a floor), and its CPU per call.
     */
    private void fakeSelfTest() throws Exception {
        try (FakeBotApi api = new FakeBotApi()) {
            OkHttpClient http = new OkHttpClient();
            MediaType json = MediaType.get("application/json");
            String url = api.url() + "/bot" + FakeBotApi.TOKEN + "/sendMessage";
            String body = "{\"chat_id\":\"-4000000001\",\"text\":\"Terima kasih, Ani! 1/3 sudah menjawab.\"}";
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong count = new AtomicLong();
            int threads = 4;
            CountDownLatch finished = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            Request request = new Request.Builder().url(url).post(RequestBody.create(body, json)).build();
                            try (Response response = http.newCall(request).execute()) {
                                response.body().bytes();
                            }
                            if (measuring.get()) {
                                count.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        System.err.println("self-test: " + e);
                    } finally {
                        finished.countDown();
                    }
                }, "self-test-" + t);
                thread.setDaemon(true);
                thread.start();
            }
            Thread.sleep(1500); // warm-up
            long cpuBefore = api.cpuNanos();
            long start = System.nanoTime();
            measuring.set(true);
            Thread.sleep(3000);
            measuring.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = api.cpuNanos() - cpuBefore;
            stop.set(true);
            finished.await();
            long calls = count.get();
            // getUpdates with 100 waiting updates, as a busy poller sees it
            api.enqueueRaw(100_000, id -> "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id
                    + ",\"from\":{\"id\":1,\"is_bot\":false,\"first_name\":\"A\"},\"chat\":{\"id\":-1,\"type\":\"group\"},"
                    + "\"date\":1,\"text\":\"Saya Ani dari RT 3, sehari-hari berjualan sayur.\"}}");
            String pollUrl = api.url() + "/bot" + FakeBotApi.TOKEN + "/getUpdates";
            int warmupPolls = 200;
            int polls = 500;
            long pollStart = 0;
            for (int i = 0; i < warmupPolls + polls; i++) {
                if (i == warmupPolls) {
                    pollStart = System.nanoTime();
                }
                String poll = "{\"offset\":" + (1 + i * 100) + ",\"limit\":100,\"timeout\":0}";
                try (Response response = http.newCall(new Request.Builder().url(pollUrl)
                        .post(RequestBody.create(poll, json)).build()).execute()) {
                    response.body().bytes();
                }
            }
            double pollSeconds = (System.nanoTime() - pollStart) / 1e9;
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
            String line = String.format(Locale.ROOT,
                    "Fake Bot API alone: %.0f sendMessage calls/s from 4 client threads (%.0f µs of fake CPU per call);"
                            + " %.0f updates/s handed out through getUpdates batches of 100 from 1 client",
                    calls / seconds, cpu / 1e3 / Math.max(1, calls), polls * 100 / pollSeconds);
            System.out.println(line);
            notes.add(line);
        }
    }

    // ---- output ------------------------------------------------------------------------------

    private void printMachine() {
        Runtime runtime = Runtime.getRuntime();
        String cpu = "?";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            // not Linux: leave it unknown
        }
        System.out.println("Rembug pipeline benchmark");
        System.out.printf(Locale.ROOT, "Machine: %d cores (%s), %s %s, load average %.2f at start%n",
                runtime.availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "JVM: %s %s (%s), max heap %d MiB, arguments %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"), runtime.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf("Load: %d groups x %d updates (bot added, /fasilitator, /mulai, 3 replies to question 1,"
                        + " 3 replies to question 2, 3 button presses on question 3), each step sent when the last"
                        + " one was answered, replies and presses %d ms after the question was sent; warm-up waves of %d groups"
                        + " (not counted) until the JIT compiler uses under %.0f%% of a wave's CPU, at most %d; light"
                        + " load %d groups one at a time; Telegram's-limits run %d groups%n",
                GROUPS, ConversationLoad.UPDATES_PER_GROUP, REPLY_DELAY_MILLIS, WARMUP_GROUPS,
                SETTLED_COMPILER_SHARE * 100, WARMUP_WAVES, LIGHT_GROUPS, LIMITED_GROUPS);
    }

    private void printResults() {
        System.out.println();
        System.out.println("Latency: from the update leaving the fake in a getUpdates answer to the bot's first call"
                + " that answers it (reaction 👍, callback answer, reply or next message); 'queued' columns count from"
                + " when the update was queued at the fake (as a user would see it).");
        String header = String.format(Locale.ROOT, "%-44s %6s %7s %7s %8s %8s %8s %8s %8s %9s %9s",
                "run", "groups", "at once", "updates", "wall s", "upd/s", "calls/s", "p50 ms", "p99 ms",
                "q p50 ms", "q p99 ms");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (ConversationLoad.Result r : results) {
            // one group at a time is paced by the script, not by the bot: its rates say nothing
            boolean paced = r.concurrency() == 1;
            System.out.printf(Locale.ROOT, "%-44s %6d %7d %7s %8.2f %8s %8s %8.1f %8.1f %9.1f %9.1f%n",
                    r.label(), r.groups(), r.concurrency(),
                    r.complete() ? Integer.toString(r.updates()) : r.answered() + "/" + r.updates(),
                    r.seconds(), paced ? "-" : String.format(Locale.ROOT, "%.0f", r.updatesPerSecond()),
                    paced ? "-" : String.format(Locale.ROOT, "%.0f", r.botCallsPerSecond()),
                    percentile(r.fromHandOutNanos(), 50), percentile(r.fromHandOutNanos(), 99),
                    percentile(r.fromQueuedNanos(), 50), percentile(r.fromQueuedNanos(), 99));
        }
        System.out.println();
        System.out.println("By kind of update, p50 / p99 ms from hand-out (join: the bot or a member added; command:"
                + " /fasilitator, /mulai...; answer: a reply to a question; press: an answer button):");
        for (ConversationLoad.Result r : results) {
            StringBuilder kinds = new StringBuilder();
            r.fromHandOutByKind().forEach((kind, nanos) -> kinds.append(String.format(Locale.ROOT,
                    "  %s (%d) %.1f / %.1f", kind.name().toLowerCase(Locale.ROOT), nanos.length, percentile(nanos, 50),
                    percentile(nanos, 99))));
            System.out.printf(Locale.ROOT, "%-44s%s%n", r.label(), kinds);
        }
        System.out.println();
        System.out.println("CPU during each wave (fake+driver is the harness, inside the JVM figure):");
        cpuLines.forEach(System.out::println);
        System.out.println();
        notes.forEach(System.out::println);
        System.out.println("Rembug configuration: the app's defaults (dispatch workers 4, idle-poll 200ms, conversation"
                + " workers 4, getUpdates timeout 50 s), embedded Redis (append-only file in a temp dir), Tomcat on a"
                + " free port, log level WARN. 'limits raised': rembug.dispatch.limits global=1000000/s,"
                + " chat-interval=1ms, chat-burst=1000, group=1000000/min, so Telegram's 30 messages/s, 1/s per chat"
                + " and 20/min per group are not what is measured. 'Telegram's limits': the defaults (30/s global,"
                + " 1/s per chat with bursts of 3, 20/min per group).");
        if (!EXTRA_ARGS.isEmpty()) {
            System.out.println("Extra Rembug arguments (bench.rembug-args), in both Rembug runs: " + EXTRA_ARGS);
        }
        System.out.println("Echo bot: TelegramBotsLongPollingApplication + OkHttpTelegramClient, a"
                + " LongPollingSingleThreadUpdateConsumer that replies with the text (a wave when there is none) and"
                + " answers button presses; nothing stored.");
    }

    private static double percentile(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }
}
