package id.rembug.bot.dashboard;

import id.rembug.bot.media.MediaCache;
import id.rembug.bot.media.MediaFiles;
import id.rembug.bot.media.MediaProperties;
import id.rembug.dialogues.engine.SummaryRenderer;
import id.rembug.bot.media.MediaTypes;
import id.rembug.dialogues.engine.Answer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

import id.rembug.dialogues.engine.GroupState;
import id.rembug.dialogues.flow.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dashboard's pages and downloads, under {@code /dashboard}. */
@Controller
public class DashboardController {

    /** Thrown for a group that does not exist or is not the viewer's: both answer 404 alike. */
    static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    private final DashboardReader reader;
    private final DashboardSessions sessions;
    private final LoginLinks links;
    private final AdminLogin admin;
    private final StaffIds staff;
    private final LoginThrottle throttle;
    private final DashboardTexts texts;
    private final boolean simulator;
    private final java.time.Clock clock;
    private final MediaCache media;
    private final MediaProperties mediaProperties;
    private final SummaryRenderer renderer;

    public DashboardController(DashboardReader reader, DashboardSessions sessions, LoginLinks links, AdminLogin admin,
                               StaffIds staff, LoginThrottle throttle, DashboardTexts texts,
                               org.springframework.core.env.Environment environment, java.time.Clock clock,
                               MediaCache media, MediaProperties mediaProperties, SummaryRenderer renderer) {
        this.clock = clock;
        this.media = media;
        this.mediaProperties = mediaProperties;
        this.renderer = renderer;
        this.reader = reader;
        this.sessions = sessions;
        this.links = links;
        this.admin = admin;
        this.staff = staff;
        this.throttle = throttle;
        this.texts = texts;
        this.simulator = environment.getProperty("rembug.simulator.enabled", Boolean.class,
                !org.springframework.util.StringUtils.hasText(environment.getProperty("rembug.telegram.token")));
    }

    // --- logging in and out --------------------------------------------------------------------

    @GetMapping("/dashboard/masuk")
    String loginPage(HttpServletRequest request, Model model) {
        page(request, model, null);
        model.addAttribute("adminLogin", admin.enabled());
        return "dashboard/login";
    }

    @PostMapping("/dashboard/masuk")
    String adminLogin(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
                      HttpServletResponse response, Model model) {
        if (throttle.blocked(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Optional<Viewer> viewer = admin.login(password);
        if (viewer.isEmpty()) {
            throttle.failed(request.getRemoteAddr());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("wrong", true);
            return loginPage(request, model);
        }
        throttle.succeeded(request.getRemoteAddr());
        startSession(viewer.get(), request, response);
        return "redirect:/dashboard";
    }

    /** The link the bot sends. A GET only shows a button: chat apps fetch links for previews, which must not use it up. */
    @GetMapping("/dashboard/masuk/{token}")
    String linkPage(@PathVariable String token, HttpServletRequest request, Model model) {
        page(request, model, null);
        model.addAttribute("token", token);
        return "dashboard/link";
    }

    @PostMapping("/dashboard/masuk/{token}")
    String redeemLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
                      Model model) {
        if (throttle.blocked(request.getRemoteAddr())) {
            return throttled(request, response, model);
        }
        Optional<String> userId = links.redeem(token);
        if (userId.isEmpty()) {
            throttle.failed(request.getRemoteAddr());
            response.setStatus(HttpStatus.GONE.value());
            page(request, model, null);
            model.addAttribute("token", token);
            model.addAttribute("invalid", true);
            return "dashboard/link";
        }
        startSession(staff.viewerFor(userId.get()), request, response);
        return "redirect:/dashboard";
    }

    private String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(LoginThrottle.WINDOW.toSeconds()));
        model.addAttribute("throttled", true);
        return loginPage(request, model);
    }

    @PostMapping("/dashboard/keluar")
    String logout(HttpServletRequest request, HttpServletResponse response) {
        DashboardAccess.cookie(request, DashboardSessions.COOKIE).ifPresent(sessions::end);
        DashboardAccess.setCookie(request, response, DashboardSessions.COOKIE, "", Duration.ZERO);
        return "redirect:/dashboard/masuk";
    }

    private void startSession(Viewer viewer, HttpServletRequest request, HttpServletResponse response) {
        DashboardAccess.cookie(request, DashboardSessions.COOKIE).ifPresent(sessions::end);
        DashboardAccess.setCookie(request, response, DashboardSessions.COOKIE, sessions.start(viewer),
                sessions.idle());
    }

    // --- pages ---------------------------------------------------------------------------------

    @GetMapping("/dashboard")
    String overview(HttpServletRequest request, Model model) {
        Viewer viewer = DashboardAccess.viewer(request);
        Language language = page(request, model, viewer);
        List<DashboardViews.Summary> rows = new ArrayList<>();
        for (GroupState state : reader.visibleGroups(viewer)) {
            reader.group(viewer, state.groupId()).ifPresent(g -> rows.add(DashboardViews.summary(g.state(),
                    g.answers(), g.tags(), reader.flow(), language, clock.instant())));
        }
        model.addAttribute("groups", rows);
        return "dashboard/overview";
    }

    @GetMapping("/dashboard/grup/{groupId}")
    String group(@PathVariable String groupId, HttpServletRequest request, Model model) {
        Viewer viewer = DashboardAccess.viewer(request);
        Language language = page(request, model, viewer);
        DashboardReader.GroupData group = reader.group(viewer, groupId).orElseThrow(NotFound::new);
        Map<String, String> t = texts.words(language);
        DashboardViews.Summary summary = DashboardViews.summary(group.state(), group.answers(), group.tags(),
                reader.flow(), language, clock.instant());
        model.addAttribute("g", summary);
        model.addAttribute("stageOf", texts.get(DashboardText.GROUP_STAGE_OF, language,
                Map.of("number", summary.stageNumber(), "total", summary.stageCount())));
        model.addAttribute("members", DashboardViews.members(group.state(), group.answers()));
        model.addAttribute("chart", DashboardViews.chart(group.state(), group.answers()));
        model.addAttribute("stages", DashboardViews.stages(group.answers(), group.state(), reader.flow(), language, t,
                renderer));
        model.addAttribute("plan", DashboardViews.plan(group.state(), reader.flow(), language, clock.instant()));
        model.addAttribute("places", DashboardViews.places(group.answers(), renderer, language));
        model.addAttribute("mapTiles", mediaProperties.mapTiles());
        return "dashboard/group";
    }

    @GetMapping("/dashboard/pengumuman")
    String announcements(HttpServletRequest request, Model model) {
        Viewer viewer = DashboardAccess.viewer(request);
        Language language = page(request, model, viewer);
        model.addAttribute("announcements", reader.visibleAnnouncements(viewer).stream()
                .map(a -> DashboardViews.announcement(a, reader.flow(), language, texts.words(language))).toList());
        return "dashboard/announcements";
    }

    @GetMapping("/dashboard/pengumuman/{id}")
    String announcement(@PathVariable String id, HttpServletRequest request, Model model) {
        Viewer viewer = DashboardAccess.viewer(request);
        Language language = page(request, model, viewer);
        DashboardReader.AnnouncementData data = reader.announcement(viewer, id).orElseThrow(NotFound::new);
        model.addAttribute("a", DashboardViews.announcement(data, reader.flow(), language, texts.words(language)));
        model.addAttribute("rows", data.groups());
        return "dashboard/announcement";
    }

    @GetMapping("/dashboard/alur")
    String flow(HttpServletRequest request, Model model) {
        page(request, model, DashboardAccess.viewer(request));
        model.addAttribute("flow", reader.flow());
        return "dashboard/flow";
    }

    // --- downloads -----------------------------------------------------------------------------

    /**
     * A media answer's file (a photo, a voice note...), fetched from the platform on first view and
     * cached; only for viewers who may see the group. Shown in the page when a browser can (a photo,
     * OGG/Opus audio), else downloaded: a document is never rendered as a page of ours.
     */
    @GetMapping("/dashboard/grup/{groupId}/media/{messageRef}")
    ResponseEntity<Resource> media(@PathVariable String groupId, @PathVariable String messageRef,
                                   HttpServletRequest request) {
        Viewer viewer = DashboardAccess.viewer(request);
        DashboardReader.GroupData group = reader.group(viewer, groupId).orElseThrow(NotFound::new);
        Answer answer = group.answers().stream()
                .filter(a -> a.media() != null && a.media().fileId() != null && messageRef.equals(a.messageRef()))
                .findFirst().orElseThrow(NotFound::new);
        MediaCache.Result file = media.file(answer.media());
        if (file.path() != null) {
            boolean inline = answer.media().kind().viewable();
            return ResponseEntity.ok()
                    .contentType(MediaTypes.of(answer.media()))
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                    .header(HttpHeaders.CONTENT_DISPOSITION, (inline ? "inline" : "attachment") + "; filename=\""
                            + safeName(messageRef) + MediaTypes.extension(answer.media()) + "\"")
                    .body(new FileSystemResource(file.path()));
        }
        if (file.problem() instanceof MediaFiles.TooBig) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        if (file.problem() instanceof MediaFiles.Unavailable) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").build();
        }
        throw new NotFound();
    }

    @GetMapping("/dashboard/grup/{groupId}/ekspor.{format}")
    void exportGroup(@PathVariable String groupId, @PathVariable String format, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
        Viewer viewer = DashboardAccess.viewer(request);
        DashboardReader.GroupData group = reader.group(viewer, groupId).orElseThrow(NotFound::new);
        write(format, "rembug-" + safeName(groupId),
                AnswerExport.rows(groupId, group.answers(), group.state().decisions(), reader.flow(),
                        DashboardAccess.language(request), baseUrl(request),
                        withoutName(DashboardAccess.language(request))),
                PlanExport.rows(group.state(), clock.instant()), response);
    }

    /** The group's action plan, progress notes and meetings, as CSV or JSON. */
    @GetMapping("/dashboard/grup/{groupId}/rencana.{format}")
    void exportPlan(@PathVariable String groupId, @PathVariable String format, HttpServletRequest request,
                    HttpServletResponse response) throws IOException {
        Viewer viewer = DashboardAccess.viewer(request);
        DashboardReader.GroupData group = reader.group(viewer, groupId).orElseThrow(NotFound::new);
        List<Map<String, Object>> rows = PlanExport.rows(group.state(), clock.instant());
        String name = "rembug-rencana-" + safeName(groupId);
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                attachment(response, name + ".csv");
                PlanExport.writeCsv(rows, response.getOutputStream());
            }
            case "json" -> {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                attachment(response, name + ".json");
                PlanExport.writeJson(rows, response.getOutputStream());
            }
            default -> throw new NotFound();
        }
    }

    /** The program's answers: every group the viewer may see, in one table. */
    @GetMapping("/dashboard/ekspor.{format}")
    void exportAll(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Viewer viewer = DashboardAccess.viewer(request);
        List<AnswerExport.Row> rows = new ArrayList<>();
        List<Map<String, Object>> planRows = new ArrayList<>();
        for (GroupState state : reader.visibleGroups(viewer)) {
            reader.group(viewer, state.groupId()).ifPresent(g -> {
                rows.addAll(AnswerExport.rows(state.groupId(), g.answers(), g.state().decisions(), reader.flow(),
                        DashboardAccess.language(request), baseUrl(request),
                        withoutName(DashboardAccess.language(request))));
                planRows.addAll(PlanExport.rows(g.state(), clock.instant()));
            });
        }
        write(format, "rembug-semua-grup", rows, planRows, response);
    }

    /** What an export writes for the member of an answer given privately without names. */
    private String withoutName(Language language) {
        return renderer.withoutName(language);
    }

    /** The answers as CSV or JSON; as XLSX with the plan ({@code planRows}) on a second sheet. */
    private static void write(String format, String name, List<AnswerExport.Row> rows,
                              List<Map<String, Object>> planRows, HttpServletResponse response) throws IOException {
        switch (format) {
            case "csv" -> {
                response.setContentType("text/csv;charset=UTF-8");
                attachment(response, name + ".csv");
                AnswerExport.writeCsv(rows, response.getOutputStream());
            }
            case "xlsx" -> {
                response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                attachment(response, name + ".xlsx");
                AnswerExport.writeXlsx(rows, planRows, response.getOutputStream());
            }
            case "json" -> {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                attachment(response, name + ".json");
                AnswerExport.writeJson(rows, response.getOutputStream());
            }
            default -> throw new NotFound();
        }
    }

    private static void attachment(HttpServletResponse response, String file) {
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    /** Where this dashboard is reached, for the links in exports. */
    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .toUriString();
    }

    static String safeName(String groupId) {
        return groupId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    // --- shared --------------------------------------------------------------------------------

    private Language page(HttpServletRequest request, Model model, Viewer viewer) {
        Language language = DashboardAccess.language(request);
        model.addAttribute("t", texts.words(language));
        model.addAttribute("lang", language.code());
        model.addAttribute("otherLang", Language.ID.equals(language) ? "en" : "id");
        model.addAttribute("viewer", viewer);
        model.addAttribute("simulator", simulator);
        return language;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletRequest request, Model model) {
        Object viewer = request.getAttribute(DashboardAccess.VIEWER);
        page(request, model, viewer instanceof Viewer v ? v : null);
        return "dashboard/error";
    }
}
