package id.rembug.bot.web;

import id.rembug.bot.media.MediaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What browsers need to keep the web pages safe, in one place, for every response:
 * <ul>
 *   <li>security headers on every page: a Content-Security-Policy that allows only our own scripts
 *       (htmx from the webjar, simulator.js) and styles (inline style attributes too: progress bars
 *       and htmx's indicator style use them), no framing ({@code frame-ancestors 'none'},
 *       {@code X-Frame-Options: DENY}), {@code X-Content-Type-Options: nosniff} and a
 *       {@code Referrer-Policy} that never sends a path (a login link) to another site;</li>
 *   <li>{@code Cache-Control: no-store} on every dashboard response: its pages and exports carry
 *       residents' answers, which must not stay in a shared browser's or proxy's cache;</li>
 *   <li>no cross-site state changes: a POST, PUT, PATCH or DELETE to the dashboard or the
 *       simulator is refused (403) when the browser says it comes from another site
 *       ({@code Sec-Fetch-Site}) or names another origin ({@code Origin}). This stops login CSRF
 *       (a page that logs a visitor into an attacker's session) and forged simulator input. A
 *       request that carries neither header does not come from a browser (curl, scripts) and
 *       is let through, as a browser cannot be made to drop them.</li>
 * </ul>
 *
 * <p>Our own filter rather than Spring Security: the dashboard has its own session model
 * (Redis-backed, {@code DashboardSessions}), the webhook and the broadcast API their own secrets,
 * so Spring Security would be configured to step aside everywhere and kept only for these headers.
 * The Telegram webhook and {@code /api/**} are not guarded against cross-site requests: they take
 * no cookies, so a forged request carries no authority.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BrowserGuard extends OncePerRequestFilter {

    /** Images from us, and the map tiles of a group's places from their server ({@code %s}). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: %s; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

    private final String baseOrigin;
    private final String contentSecurityPolicy;

    public BrowserGuard(@Value("${rembug.dashboard.base-url:}") String baseUrl, MediaProperties media) {
        this.baseOrigin = origin(baseUrl);
        String tiles = origin(media.mapTiles().replace("{s}", "a").replace("{z}", "0").replace("{x}", "0")
                .replace("{y}", "0"));
        this.contentSecurityPolicy = CONTENT_SECURITY_POLICY.formatted(tiles == null ? "" : tiles).replace("  ", " ");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean dashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
        boolean simulator = path.equals("/simulator") || path.startsWith("/simulator/");
        if (dashboard) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        }
        if ((dashboard || simulator) && !SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getOutputStream().write(("Refused: this request came from another web site. Open the page "
                    + "on this site and try again. / Ditolak: permintaan ini datang dari situs lain. Buka halamannya "
                    + "di situs ini lalu coba lagi.\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        String given = origin(origin);
        return !given.equals(ownOrigin(request)) && !given.equals(baseOrigin);
    }

    /** This request's own origin; behind a proxy the one the forwarded headers name. */
    private static String ownOrigin(HttpServletRequest request) {
        String host = request.getServerName();
        return origin(request.getScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + request.getServerPort());
    }

    /** {@code scheme://host[:port]} with default ports left out; "" for anything unreadable ("null" included). */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException unreadable) {
            return "";
        }
    }
}
