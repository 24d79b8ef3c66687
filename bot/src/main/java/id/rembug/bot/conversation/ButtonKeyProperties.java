package id.rembug.bot.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param callbackKey {@code rembug.callback-key}: the secret that signs button data; blank: one is
 *                    generated on first use and kept in Redis, so every instance shares it
 */
@ConfigurationProperties("rembug")
public record ButtonKeyProperties(String callbackKey) {

    public ButtonKeyProperties {
        callbackKey = callbackKey == null ? "" : callbackKey.trim();
    }
}
