package id.rembug.bot.dashboard;

import id.rembug.dialogues.flow.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.Optional;

/**
 * The gate in front of every dashboard page and download: without a session a page asks to log in
 * (a download answers 401). Which groups a logged-in person may see is decided by
 * {@link DashboardReader}. Also remembers the chosen language in a cookie ({@code ?lang=en}).
 */
@Configuration
public class DashboardAccess implements WebMvcConfigurer {

    static final String VIEWER = DashboardAccess.class.getName() + ".viewer";
    static final String LANGUAGE = DashboardAccess.class.getName() + ".language";
    static final String LANGUAGE_COOKIE = "REMBUG_LANG";

    private final DashboardSessions sessions;
    private final StaffIds staff;

    public DashboardAccess(DashboardSessions sessions, StaffIds staff) {
        this.sessions = sessions;
        this.staff = staff;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageChoice()).addPathPatterns("/dashboard", "/dashboard/**");
        registry.addInterceptor(new Gate()).addPathPatterns("/dashboard", "/dashboard/**")
                .excludePathPatterns("/dashboard/masuk", "/dashboard/masuk/**", "/dashboard/dashboard.css");
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    static void setCookie(HttpServletRequest request, HttpServletResponse response, String name, String value,
                          Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).path("/").httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(maxAge).build().toString());
    }

    static Language language(HttpServletRequest request) {
        Object language = request.getAttribute(LANGUAGE);
        return language instanceof Language chosen ? chosen : Language.ID;
    }

    static Viewer viewer(HttpServletRequest request) {
        Object viewer = request.getAttribute(VIEWER);
        if (viewer instanceof Viewer known) {
            return known;
        }
        throw new IllegalStateException("dashboard handler reached without a viewer");
    }

    private static final class LanguageChoice implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            Optional<Language> asked = Language.fromCode(request.getParameter("lang"));
            asked.ifPresent(l -> setCookie(request, response, LANGUAGE_COOKIE, l.code(), Duration.ofDays(365)));
            request.setAttribute(LANGUAGE, asked.or(() -> cookie(request, LANGUAGE_COOKIE).flatMap(Language::fromCode))
                    .orElse(Language.ID));
            return true;
        }
    }

    private final class Gate implements HandlerInterceptor {
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws java.io.IOException {
            Optional<Viewer> viewer = cookie(request, DashboardSessions.COOKIE).flatMap(sessions::find)
                    .map(staff::current);
            if (viewer.isPresent()) {
                request.setAttribute(VIEWER, viewer.get());
                return true;
            }
            if ("GET".equals(request.getMethod()) && !request.getRequestURI().contains("/ekspor")) {
                response.sendRedirect(request.getContextPath() + "/dashboard/masuk");
            } else {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            return false;
        }
    }
}
