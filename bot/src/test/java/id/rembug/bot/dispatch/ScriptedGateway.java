package id.rembug.bot.dispatch;

import id.rembug.bot.channel.ChatGateway;
import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.SendResult;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A {@link ChatGateway} of our own for tests: records every send with the clock's time and
 * answers what the test scripted for that message (or that chat), else {@code Sent}. It also
 * notices if two sends to one chat ever overlap.
 */
final class ScriptedGateway implements ChatGateway {

    record Attempt(Outgoing message, long at, SendResult answer) {
        boolean delivered() {
            return answer instanceof SendResult.Sent;
        }
    }

    private final Clock clock;
    private final Predicate<String> handles;
    private final Map<String, Deque<SendResult>> byMessage = new ConcurrentHashMap<>();
    private final Map<String, Deque<SendResult>> byChat = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final AtomicLong platformIds = new AtomicLong();
    private final AtomicInteger sending = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile boolean overlapSeen;
    private volatile long sendMillis;

    ScriptedGateway(Clock clock) {
        this(clock, chat -> true);
    }

    ScriptedGateway(Clock clock, Predicate<String> handles) {
        this.clock = clock;
        this.handles = handles;
    }

    /** The next sends of this message get these answers, in order. */
    ScriptedGateway answer(String outgoingId, SendResult... results) {
        byMessage.computeIfAbsent(outgoingId, id -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    /** The next sends to this chat (of messages with nothing scripted) get these answers. */
    ScriptedGateway answerChat(String chatId, SendResult... results) {
        byChat.computeIfAbsent(chatId, id -> new ArrayDeque<>()).addAll(List.of(results));
        return this;
    }

    /** Each send takes this long in real time, to let concurrent workers interleave. */
    ScriptedGateway taking(long millis) {
        this.sendMillis = millis;
        return this;
    }

    @Override
    public boolean handles(String chatId) {
        return handles.test(chatId);
    }

    @Override
    public SendResult send(Outgoing message) {
        AtomicInteger busy = inFlight.computeIfAbsent(message.chatId(), c -> new AtomicInteger());
        if (busy.incrementAndGet() > 1) {
            overlapSeen = true;
        }
        mostAtOnce.accumulateAndGet(sending.incrementAndGet(), Math::max);
        try {
            if (sendMillis > 0) {
                Thread.sleep(sendMillis);
            }
            SendResult answer = next(byMessage.get(message.id()));
            if (answer == null) {
                answer = next(byChat.get(message.chatId()));
            }
            if (answer == null) {
                // as Telegram: an edit answers with the edited message, whose id does not change
                answer = new SendResult.Sent(message.kind() == Outgoing.Kind.EDIT ? message.replyToMessageId()
                        : "p" + platformIds.incrementAndGet());
            }
            synchronized (attempts) {
                attempts.add(new Attempt(message, clock.millis(), answer));
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.Transient("interrupted");
        } finally {
            busy.decrementAndGet();
            sending.decrementAndGet();
        }
    }

    private static SendResult next(Deque<SendResult> script) {
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.poll();
        }
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    List<Attempt> attemptsOf(String outgoingId) {
        return attempts().stream().filter(a -> a.message().id().equals(outgoingId)).toList();
    }

    List<Attempt> delivered() {
        return attempts().stream().filter(Attempt::delivered).toList();
    }

    /** Ids delivered to a chat, in the order they were delivered. */
    List<String> deliveredTo(String chatId) {
        return delivered().stream().filter(a -> a.message().chatId().equals(chatId))
                .map(a -> a.message().id()).toList();
    }

    boolean overlapSeen() {
        return overlapSeen;
    }

    /** The most sends (to any chats) that were under way at one time. */
    int mostSendsAtOnce() {
        return mostAtOnce.get();
    }
}
