package id.rembug.bot.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Rembug is meant to run behind a TLS-terminating reverse proxy, so by default it takes the
 * scheme, host and client address from the proxy's {@code X-Forwarded-*} / {@code Forwarded}
 * headers ({@code server.forward-headers-strategy=framework}): the dashboard cookie is then Secure
 * when the browser used https, and the login throttle counts the client, not the proxy. Without a
 * proxy in front, set {@code server.forward-headers-strategy=none}: clients could forge the headers.
 *
 * <p>A default in code rather than in an {@code application.properties}, which a test or an
 * operator's own file of that name would shadow; any configured value wins.
 */
public class ProxyDefaults implements EnvironmentPostProcessor, Ordered {

    static final String STRATEGY = "server.forward-headers-strategy";
    static final String PROPERTY_SOURCE = "rembug-proxy-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(STRATEGY)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                    Map.of(STRATEGY, "framework")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
