package id.rembug.bot.telegram;

import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Inbound;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Receives updates Telegram posts in webhook mode.
 *
 * <p>Telegram redelivers an update until it gets a 2xx, so the answer says exactly what became of
 * it: 200 once the update is in the durable inbox (or is one Rembug ignores, or is malformed and
 * would never get better), 503 while the inbox cannot store it (Telegram tries again later), 401
 * when the secret header is wrong, 413 when the body is larger than
 * {@code rembug.telegram.webhook-max-body}. The secret is checked before a byte of the body is
 * read, and the body is read by hand up to the cap, never whole: a stranger who knows the path
 * cannot make the app buffer an endless body. The body is read with TelegramBots' Jackson 2
 * types, never the web layer's Jackson 3 mapper.
 *
 * <p>Present only with a token and {@code rembug.telegram.mode=webhook}; the path is
 * {@code rembug.telegram.webhook-path}.
 */
@RestController
@Conditional(TelegramEnabledCondition.class)
@ConditionalOnProperty(name = "rembug.telegram.mode", havingValue = "webhook")
public final class TelegramWebhookController {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final byte[] secret;
    private final int maxBody;
    private final TelegramUpdateReader reader;
    private final TelegramUpdateTranslator translator;
    private final InboxWriter inbox;
    private final TelegramGroupCounter counter;

    public TelegramWebhookController(TelegramProperties properties, TelegramUpdateReader reader,
                                     TelegramUpdateTranslator translator, InboxWriter inbox,
                                     TelegramGroupCounter counter) {
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.maxBody = Math.toIntExact(properties.webhookMaxBody().toBytes());
        this.reader = reader;
        this.translator = translator;
        this.inbox = inbox;
        this.counter = counter;
    }

    @PostMapping("${rembug.telegram.webhook-path:" + TelegramProperties.DEFAULT_WEBHOOK_PATH + "}")
    public ResponseEntity<Void> receive(HttpServletRequest request) throws IOException {
        if (!secretMatches(request.getHeader(SECRET_HEADER))) {
            log.warn("Refused a webhook call without the right {} header", SECRET_HEADER);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (request.getContentLengthLong() > maxBody) {
            return tooLarge(request.getContentLengthLong() + " bytes announced");
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // One byte more than allowed tells an oversized body (sent without a length) from one at the cap.
            body = in.readNBytes(maxBody + 1);
        }
        if (body.length > maxBody) {
            return tooLarge("more than " + maxBody + " bytes sent");
        }
        if (body.length == 0) {
            log.warn("Ignoring an empty webhook call");
            return ResponseEntity.ok().build();
        }
        Optional<Update> update = reader.readOne(new String(body, StandardCharsets.UTF_8));
        if (update.isEmpty()) {
            return ResponseEntity.ok().build(); // logged by the reader; redelivery would not mend it
        }
        List<Inbound> inbound = translator.translate(update.get());
        if (inbound.isEmpty()) {
            return ResponseEntity.ok().build();
        }
        try {
            inbox.append(inbound);
            counter.countAfter(inbound);
            return ResponseEntity.ok().build();
        } catch (RuntimeException e) {
            log.warn("Cannot store Telegram update {} in the inbox ({}); answering 503 so Telegram sends it again",
                    update.get().getUpdateId(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
    }

    private ResponseEntity<Void> tooLarge(String what) {
        log.warn("Refused a webhook call whose body is over rembug.telegram.webhook-max-body ({} bytes): {}", maxBody,
                what);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }

    private boolean secretMatches(String given) {
        // Constant-time, so response timing does not reveal how much of a guess was right.
        return given != null && MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8));
    }
}
