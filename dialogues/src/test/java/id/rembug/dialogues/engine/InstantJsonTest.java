package id.rembug.dialogues.engine;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantJsonTest {

    private final JsonMapper jacksons = JsonMapper.builder().build();
    private final JsonMapper ours = JsonMapper.builder().addModule(InstantJson.module()).build();

    @Test
    void writesEveryInstantAsJacksonDoes() {
        List<Instant> instants = new ArrayList<>(List.of(
                Instant.parse("2026-12-07T05:16:00Z"),
                Instant.parse("2026-12-07T05:16:00.123Z"),
                Instant.parse("2026-12-07T05:16:00.123456Z"),
                Instant.parse("2026-12-07T05:16:00.123456789Z"),
                Instant.parse("2026-12-07T05:16:00.100Z"),
                Instant.parse("2026-12-07T05:16:00.000001Z"),
                Instant.parse("2026-12-07T05:16:00.000000001Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"),
                Instant.EPOCH, Instant.ofEpochSecond(-1, 5), Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX));
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 2_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L); // years 0 to 9999
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }

        for (Instant instant : instants) {
            assertThat(ours.writeValueAsString(instant)).as("%s", instant)
                    .isEqualTo(jacksons.writeValueAsString(instant));
            assertThat(InstantJson.format(instant)).isEqualTo(instant.toString());
            assertThat(ours.readValue(ours.writeValueAsString(instant), Instant.class)).isEqualTo(instant);
        }
    }

    @Test
    void readsTheFormJacksonWritesWithAnyNumberOfFractionDigits() {
        assertThat(InstantJson.parse("2026-12-07T05:16:00Z")).isEqualTo(Instant.parse("2026-12-07T05:16:00Z"));
        assertThat(InstantJson.parse("2026-12-07T05:16:00.1Z")).isEqualTo(Instant.parse("2026-12-07T05:16:00.100Z"));
        assertThat(InstantJson.parse("2026-12-07T05:16:00.123Z")).isEqualTo(Instant.parse("2026-12-07T05:16:00.123Z"));
        assertThat(InstantJson.parse("2026-12-07T05:16:00.123456Z"))
                .isEqualTo(Instant.parse("2026-12-07T05:16:00.123456Z"));
        assertThat(InstantJson.parse("2026-12-07T05:16:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-12-07T05:16:00.123456789Z"));
        assertThat(InstantJson.parse("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThat(InstantJson.parse("1969-12-31T23:59:59.5Z")).isEqualTo(Instant.ofEpochSecond(-1, 500_000_000));
    }

    @Test
    void leavesEveryOtherFormToJacksonWhichReadsItAsBefore() {
        List<String> others = List.of("\"+10000-01-01T00:00:00Z\"", "\"-0001-12-31T23:59:59Z\"",
                "\"2026-12-07T12:16:00+07:00\"", "\"2026-12-07T05:16:00+00:00\"", "\"2026-12-07t05:16:00z\"",
                "\"2016-12-31T23:59:60Z\"", "\"2026-12-07T24:00:00Z\"", "\"2026-12-07T05:16:00.Z\"",
                "1796620560", "1796620560.25", "\"1796620560\"");

        for (String json : others) {
            String text = json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
            assertThat(InstantJson.parse(text)).as(json).isNull();
            assertThat(ours.readValue(json, Instant.class)).as(json).isEqualTo(jacksons.readValue(json, Instant.class));
        }
    }

    @Test
    void textThatIsNoInstantFailsWithJacksonsErrorNamingIt() {
        for (String bad : List.of("kemarin", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-07T05:16Z",
                "2026-12-07T05:16:00.1234567890Z", "2026-12-07 05:16:00Z", "")) {
            assertThat(InstantJson.parse(bad)).as(bad).isNull();
            if (!bad.isEmpty()) { // Jackson reads an empty string as null
                assertThatThrownBy(() -> ours.readValue("\"" + bad + "\"", Instant.class)).as(bad)
                        .isInstanceOf(DatabindException.class)
                        .hasMessageContaining("java.time.Instant").hasMessageContaining(bad);
            }
        }
    }
}
