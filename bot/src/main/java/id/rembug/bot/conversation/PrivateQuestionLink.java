package id.rembug.bot.conversation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a sensitive question's button leads: the group and the question ({@code private: true}),
 * carried in a t.me deep link's start payload, signed ({@link ButtonSigner#sealStart}) so nobody
 * can make one up for another group or question. Telegram allows 64 characters A-Z, a-z, 0-9,
 * {@code _} and {@code -}: {@code q_<group>_<stage>_<round>_<prompt index>_<signature>} fits, as
 * stage keys have no {@code _}.
 */
public record PrivateQuestionLink(String groupId, String stageKey, int round, int promptIndex) {

    /** Telegram's limit on a start payload. */
    public static final int MAX_PAYLOAD = 64;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_PAYLOAD + "}");

    public String payload(ButtonSigner signer) {
        String payload = signer.sealStart("q_" + groupId + "_" + stageKey + "_" + round + "_" + promptIndex);
        if (!ALLOWED.matcher(payload).matches()) {
            throw new IllegalStateException("a private question's link for group " + groupId + " and stage "
                    + stageKey + " does not fit Telegram's start payload (1-64 of A-Z a-z 0-9 _ -): " + payload);
        }
        return payload;
    }

    /** The question a {@code /start} payload names, if we made it; empty for anything else. */
    public static Optional<PrivateQuestionLink> open(String payload, ButtonSigner signer) {
        return signer.openStart(payload).flatMap(data -> {
            String[] parts = data.split("_", -1);
            if (parts.length < 5 || !parts[0].equals("q")) {
                return Optional.empty();
            }
            int n = parts.length;
            // the group id is everything between the tag and the stage (it never holds '_' today)
            String groupId = String.join("_", java.util.Arrays.copyOfRange(parts, 1, n - 3));
            try {
                return Optional.of(new PrivateQuestionLink(groupId, parts[n - 3], Integer.parseInt(parts[n - 2]),
                        Integer.parseInt(parts[n - 1])));
            } catch (NumberFormatException malformed) {
                return Optional.empty();
            }
        });
    }

    /** As kept in the person's hash while they answer it: the payload's data without signature. */
    String field() {
        return groupId + "|" + stageKey + "|" + round + "|" + promptIndex;
    }

    static Optional<PrivateQuestionLink> fromField(String field) {
        if (field == null || field.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = field.split("\\|", -1);
        try {
            return parts.length == 4 ? Optional.of(new PrivateQuestionLink(parts[0], parts[1],
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3]))) : Optional.empty();
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
