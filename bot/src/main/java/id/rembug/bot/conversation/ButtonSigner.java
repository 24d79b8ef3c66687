package id.rembug.bot.conversation;

import id.rembug.bot.channel.Outgoing;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals the data of the buttons that change a group (answers, commands, a facilitator's buttons)
 * so that nobody can make one up: an HMAC-SHA256 of the data and the chat the button is sent to,
 * cut to 64 bits, goes after it ({@code <data>|<signature>}). A button therefore acts only in its
 * own chat, for the group named in it; a facilitator's button sits in their private chat, so it
 * acts for that person alone. Read-only buttons (a knowledge article, "why this stage") carry no
 * signature: they change nothing.
 */
@Component
public class ButtonSigner {

    static final String KEY = ConversationKeys.CALLBACK_KEY;
    private static final int SIGNATURE_BYTES = 8;
    /** What a start payload is signed for in place of a chat: it is pressed in the group, used in a private chat. */
    private static final String START_CONTEXT = "start";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int SIGNATURE_LENGTH = ENCODER.encodeToString(new byte[SIGNATURE_BYTES]).length();

    private static final String ALGORITHM = "HmacSHA256";

    /**
     * A keyed Mac per thread: looking up the algorithm and setting the key cost more than signing
     * one button's data, and a Mac may not be shared (doFinal leaves it keyed for the next use).
     */
    private final ThreadLocal<Mac> macs;

    public ButtonSigner(ButtonKeyProperties properties, StringRedisTemplate redis) {
        SecretKeySpec key = new SecretKeySpec(properties.callbackKey().isEmpty() ? sharedKey(redis)
                : properties.callbackKey().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> keyedMac(key));
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }

    /** The first instance to start makes the key; the others, and later starts, read the same one. */
    private static byte[] sharedKey(StringRedisTemplate redis) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        redis.opsForValue().setIfAbsent(KEY, Base64.getEncoder().encodeToString(fresh));
        return Base64.getDecoder().decode(redis.opsForValue().get(KEY));
    }

    /** The button's data for {@code chatId}, signed when it can change anything. */
    public String seal(CallbackData data, String chatId) {
        String encoded = data.encode();
        if (!data.changesAGroup()) {
            return encoded;
        }
        String sealed = encoded + "|" + signature(encoded, chatId);
        if (sealed.getBytes(StandardCharsets.UTF_8).length > Outgoing.MAX_CALLBACK_DATA_BYTES) {
            throw new IllegalStateException("signed callback data over " + Outgoing.MAX_CALLBACK_DATA_BYTES + " bytes: " + sealed);
        }
        return sealed;
    }

    /**
     * What a pressed button means, if we made it for this chat; empty for a button someone made up,
     * changed, or carried to another chat.
     */
    public Optional<CallbackData> open(String data, String chatId) {
        if (data == null) {
            return Optional.empty();
        }
        Optional<CallbackData> unsigned = CallbackData.decode(data);
        if (unsigned.isPresent() && !unsigned.get().changesAGroup()) {
            return unsigned;
        }
        int cut = data.lastIndexOf('|');
        if (cut < 0) {
            return Optional.empty();
        }
        String encoded = data.substring(0, cut);
        byte[] given = data.substring(cut + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(encoded, chatId).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, expected)) {
            return Optional.empty();
        }
        return CallbackData.decode(encoded).filter(CallbackData::changesAGroup);
    }

    /**
     * A private-chat link's payload ({@code t.me/<bot>?start=<payload>}): {@code data}, then '_' and
     * its signature. Anyone in the group may press the link, so it is signed for no chat.
     */
    public String sealStart(String data) {
        return data + "_" + signature(data, START_CONTEXT);
    }

    /** The data of a payload we sealed with {@link #sealStart}; empty for one made up or changed. */
    public Optional<String> openStart(String payload) {
        if (payload == null || payload.length() < SIGNATURE_LENGTH + 2
                || payload.charAt(payload.length() - SIGNATURE_LENGTH - 1) != '_') {
            return Optional.empty();
        }
        String data = payload.substring(0, payload.length() - SIGNATURE_LENGTH - 1);
        byte[] given = payload.substring(payload.length() - SIGNATURE_LENGTH).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(data, START_CONTEXT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(data) : Optional.empty();
    }

    private String signature(String encoded, String chatId) {
        byte[] digest = macs.get().doFinal((chatId + "\n" + encoded).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
    }
}
