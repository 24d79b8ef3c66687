package id.rembug.dialogues.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdScalarSerializer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Instants in stored JSON, in the very form Jackson writes them ({@code 2026-12-07T05:16:00.123456Z}:
 * UTC, and 0, 3, 6 or 9 digits of fraction), without going through {@code DateTimeFormatter}, which
 * costs more than the rest of a small record's JSON. Jackson has no faster way for {@code Instant}s.
 * Anything else (a year past 9999 or before 0, an offset, a number of seconds, a leap second) is left to
 * Jackson's own {@link InstantDeserializer}, which also words the error for text that is no instant;
 * so every instant Jackson reads, this reads the same.
 */
public final class InstantJson {

    /** {@code yyyy-MM-ddTHH:mm:ss} */
    private static final int SECONDS_END = 19;
    private static final int LONGEST = SECONDS_END + 1 + 9 + 1;
    private static final long FIRST_FAST_SECOND = LocalDate.of(0, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_FAST_SECOND = LocalDate.of(10000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;

    private InstantJson() {
    }

    /** The module that the codecs of stored JSON register: instants written and read as above. */
    public static JacksonModule module() {
        return new SimpleModule("rembug-instants")
                .addSerializer(Instant.class, new Writer())
                .addDeserializer(Instant.class, new Reader());
    }

    /** {@code instant} as Jackson (and {@link Instant#toString()}) writes it. */
    public static String format(Instant instant) {
        char[] out = new char[LONGEST];
        int length = format(instant, out);
        return length < 0 ? instant.toString() : new String(out, 0, length);
    }

    /**
     * The instant this text names, if it is in the form Jackson writes ({@code yyyy-MM-ddTHH:mm:ss},
     * then {@code .} and 1 to 9 digits or nothing, then {@code Z}); null for any other text, which
     * {@link Instant#parse} may still read.
     */
    public static Instant parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    /** Writes the instant into {@code out} (at least 30 long); -1 when its year is outside 0..9999. */
    private static int format(Instant instant, char[] out) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds > LAST_FAST_SECOND) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int at = SECONDS_END;
        int nanos = instant.getNano();
        if (nanos != 0) {
            out[at++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(out, at, nanos / 1_000_000, 3);
                at += 3;
            } else if (nanos % 1_000 == 0) {
                digits(out, at, nanos / 1_000, 6);
                at += 6;
            } else {
                digits(out, at, nanos, 9);
                at += 9;
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static void digits(char[] out, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static Instant parse(char[] text, int offset, int length) {
        if (length < SECONDS_END + 1 || length > LONGEST || text[offset + length - 1] != 'Z'
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int year = number(text, offset, 4);
        int month = number(text, offset + 5, 2);
        int day = number(text, offset + 8, 2);
        int hour = number(text, offset + 11, 2);
        int minute = number(text, offset + 14, 2);
        int second = number(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - SECONDS_END - 2; // less the '.' and the 'Z'
        if (fractionDigits >= 1) {
            if (text[offset + SECONDS_END] != '.') {
                return null;
            }
            nanos = number(text, offset + SECONDS_END + 1, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (length != SECONDS_END + 1) {
            return null; // "...:ss.Z"
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null; // a day the month does not have: Jackson's reader words the error
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code at}; -1 when one of them is no digit. */
    private static int number(char[] text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static final class Writer extends StdScalarSerializer<Instant> {

        private Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializationContext context)
                throws JacksonException {
            char[] out = new char[LONGEST];
            int length = format(value, out);
            if (length < 0) {
                generator.writeString(value.toString());
            } else {
                generator.writeString(out, 0, length);
            }
        }
    }

    private static final class Reader extends StdScalarDeserializer<Instant> {

        private static final InstantDeserializer<Instant> JACKSONS = InstantDeserializer.INSTANT;

        private Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parse(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
                if (fast != null) {
                    return fast;
                }
            }
            return JACKSONS.deserialize(parser, context);
        }
    }
}
