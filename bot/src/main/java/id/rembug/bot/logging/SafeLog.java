package id.rembug.bot.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Exceptions as logs may show them. An exception's message can carry what residents wrote (a
 * parser quotes the value it choked on, a hook names the text it could not handle), and logs go
 * further than the answers do: to files, collectors and whoever helps an operator. So logs name
 * ids and show where a failure happened (exception types and the top of the stack), never a
 * message or a payload.
 */
public final class SafeLog {

    private static final int FRAMES = 5;

    private SafeLog() {
    }

    /**
     * E.g. {@code IllegalStateException at a.B.c(B.java:12) < a.D.e(D.java:40); caused by
     * DateTimeParseException at ...}: every type in the cause chain and where it was thrown,
     * without any message.
     */
    public static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            StringBuilder part = new StringBuilder(t.getClass().getName());
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
                part.append(i == 0 ? " at " : " < ").append(stack[i]);
            }
            parts.add(part.toString());
        }
        return String.join("; caused by ", parts);
    }
}
