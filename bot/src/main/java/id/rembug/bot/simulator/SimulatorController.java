package id.rembug.bot.simulator;

import id.rembug.dialogues.flow.Text;

import id.rembug.dialogues.flow.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The simulator page and its small HTTP API. Every action is a form post answered with JSON, so
 * the page (htmx) and a script ({@code curl -d}) use the same endpoints. The page's own requests
 * carry htmx's {@code HX-Request} header and are told to reload or move where that helps.
 */
@Controller
@Conditional(SimulatorEnabledCondition.class)
@RequestMapping("/simulator")
public class SimulatorController {

    private final SimulatorService service;
    private final SimulatorStore store;
    private final Clock clock;

    public SimulatorController(SimulatorService service, SimulatorStore store, ObjectProvider<Clock> clock) {
        this.service = service;
        this.store = store;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    // --- the page ----------------------------------------------------------------------------

    @GetMapping({"", "/"})
    public String page(@RequestParam(required = false) String group,
                       @RequestParam(name = "private", required = false) String privateUserId,
                       @RequestParam(required = false) String lang, Model model) {
        Language language = PageText.language(lang);
        Map<String, String> words = pageWords(model, language);
        List<SimGroup> groups = service.groups();
        SimGroup selected = groups.stream().filter(g -> g.chatId().equals(group)).findFirst()
                .orElse(groups.isEmpty() ? null : groups.get(groups.size() - 1));
        String otherLanguage = (Language.EN.equals(language) ? Language.ID : Language.EN).code();
        model.addAttribute("groups", groups);
        model.addAttribute("group", selected);
        model.addAttribute("defaultFacilitator", SimulatorService.DEFAULT_FACILITATOR);
        model.addAttribute("defaultResidents", String.join(", ", SimulatorService.DEFAULT_RESIDENTS));
        model.addAttribute("otherLanguageUrl", pageUrl(selected == null ? null : selected.chatId(), null, otherLanguage));
        if (selected != null) {
            Persona facilitator = selected.facilitator();
            Persona privateOwner = store.persona(privateUserId == null ? "" : privateUserId).orElse(facilitator);
            model.addAttribute("otherLanguageUrl", pageUrl(selected.chatId(), privateOwner.id(), otherLanguage));
            model.addAttribute("step2", Text.fill(words.get("step2"), Map.of("name", facilitator.name())));
            model.addAttribute("groupChat", chatView(selected.chatId(), words));
            model.addAttribute("privateOwner", privateOwner);
            model.addAttribute("privateStarted", store.started(privateOwner.id()));
            model.addAttribute("privateChat", chatView(privateOwner.id(), words));
        }
        return "simulator/page";
    }

    /** The group's log as an HTML fragment for the page's poll; 204 when nothing changed since {@code since}. */
    @GetMapping("/groups/{chatId}/log")
    public String groupLog(@PathVariable String chatId, @RequestParam(required = false) Long since,
                           @RequestParam(required = false) String lang, Model model, HttpServletResponse response) {
        service.group(chatId);
        return logFragment(chatId, "group", "/simulator/groups/" + chatId, since, lang, model, response);
    }

    @GetMapping("/personas/{userId}/log")
    public String privateLog(@PathVariable String userId, @RequestParam(required = false) Long since,
                             @RequestParam(required = false) String lang, Model model,
                             HttpServletResponse response) {
        knownPersona(userId);
        return logFragment(userId, "private", "/simulator/personas/" + userId, since, lang, model, response);
    }

    private String logFragment(String chatId, String scope, String base, Long since, String lang, Model model,
                               HttpServletResponse response) {
        if (since != null && since == store.version(chatId)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        model.addAttribute("chat", chatView(chatId, pageWords(model, PageText.language(lang))));
        model.addAttribute("scope", scope);
        model.addAttribute("base", base);
        return "simulator/log :: log";
    }

    // --- groups ------------------------------------------------------------------------------

    @GetMapping("/groups")
    @ResponseBody
    public List<SimGroup> groups() {
        return service.groups();
    }

    /**
     * A new simulated group. {@code residents} is a comma-separated list of names; both it and
     * {@code facilitator} fall back to the default cast.
     */
    @PostMapping("/groups")
    @ResponseBody
    public ResponseEntity<SimGroup> createGroup(@RequestParam(required = false) String title,
                                                @RequestParam(required = false) String facilitator,
                                                @RequestParam(required = false) String residents,
                                                @RequestParam(required = false) String lang,
                                                HttpServletRequest request) {
        List<String> residentNames = residents == null ? null : Arrays.stream(residents.split(",")).toList();
        SimGroup group = service.createGroup(title, facilitator, residentNames);
        URI location = URI.create("/simulator/groups/" + group.chatId());
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(location);
        if (fromPage(request)) {
            answer.header("HX-Redirect", pageUrl(group.chatId(), null, lang));
        }
        return answer.body(group);
    }

    @GetMapping("/groups/{chatId}")
    @ResponseBody
    public SimGroup group(@PathVariable String chatId) {
        return service.group(chatId);
    }

    /** The bot is added to the group by {@code persona} (default: the facilitator). */
    @PostMapping("/groups/{chatId}/bot")
    @ResponseBody
    public ResponseEntity<SimulatorService.Posted> addBot(@PathVariable String chatId,
                                                          @RequestParam(required = false) String persona,
                                                          HttpServletRequest request) {
        return reloadingPage(service.addBot(chatId, persona), request);
    }

    @DeleteMapping("/groups/{chatId}/bot")
    @ResponseBody
    public ResponseEntity<SimulatorService.Posted> removeBot(@PathVariable String chatId,
                                                             @RequestParam(required = false) String persona,
                                                             HttpServletRequest request) {
        return reloadingPage(service.removeBot(chatId, persona), request);
    }

    @PostMapping("/groups/{chatId}/members")
    @ResponseBody
    public ResponseEntity<SimulatorService.Posted> addMember(@PathVariable String chatId, @RequestParam String name,
                                                             HttpServletRequest request) {
        return reloadingPage(service.addResident(chatId, name), request);
    }

    @DeleteMapping("/groups/{chatId}/members/{userId}")
    @ResponseBody
    public ResponseEntity<SimulatorService.Posted> removeMember(@PathVariable String chatId,
                                                                @PathVariable String userId,
                                                                HttpServletRequest request) {
        return reloadingPage(service.removeResident(chatId, userId), request);
    }

    @GetMapping("/groups/{chatId}/messages")
    @ResponseBody
    public ChatView groupMessages(@PathVariable String chatId, @RequestParam(required = false) String lang) {
        service.group(chatId);
        return chatView(chatId, PageText.of(PageText.language(lang)));
    }

    /**
     * {@code persona} types {@code text} in the group. {@code replyTo}: absent = the last bot
     * question (ForceReply), {@code none} = not a reply, else a message id.
     */
    @PostMapping("/groups/{chatId}/messages")
    @ResponseBody
    public SimulatorService.Posted postInGroup(@PathVariable String chatId, @RequestParam String persona,
                                               @RequestParam(required = false) String text,
                                               @RequestParam(required = false) String replyTo) {
        return service.postInGroup(chatId, persona, text, ReplyChoice.parse(replyTo));
    }

    @PostMapping("/groups/{chatId}/messages/{messageId}/edit")
    @ResponseBody
    public SimulatorService.Posted editInGroup(@PathVariable String chatId, @PathVariable String messageId,
                                               @RequestParam String persona,
                                               @RequestParam(required = false) String text) {
        return service.editMessage(chatId, persona, messageId, text);
    }

    @PostMapping("/groups/{chatId}/buttons")
    @ResponseBody
    public SimulatorService.Posted pressInGroup(@PathVariable String chatId, @RequestParam String persona,
                                                @RequestParam String messageId, @RequestParam String data) {
        return service.pressButton(chatId, persona, messageId, data);
    }

    // --- private chats -----------------------------------------------------------------------

    /** The persona opens a private chat with the bot: {@code /start}. */
    @PostMapping("/personas/{userId}/start")
    @ResponseBody
    public ResponseEntity<SimulatorService.Posted> start(@PathVariable String userId, HttpServletRequest request) {
        return reloadingPage(service.startPrivateChat(userId), request);
    }

    /** From now on the bot's private messages to this persona are refused, as if they never started it. */
    @PostMapping("/personas/{userId}/stop")
    @ResponseBody
    public ResponseEntity<Map<String, Object>> stop(@PathVariable String userId, HttpServletRequest request) {
        service.stopPrivateChat(userId);
        return reloadingPage(Map.of("userId", userId, "started", false), request);
    }

    @GetMapping("/personas/{userId}/messages")
    @ResponseBody
    public ChatView privateMessages(@PathVariable String userId, @RequestParam(required = false) String lang) {
        knownPersona(userId);
        return chatView(userId, PageText.of(PageText.language(lang)));
    }

    @PostMapping("/personas/{userId}/messages")
    @ResponseBody
    public SimulatorService.Posted postInPrivate(@PathVariable String userId,
                                                 @RequestParam(required = false) String text,
                                                 @RequestParam(required = false) String replyTo) {
        return service.postInPrivate(userId, text, ReplyChoice.parse(replyTo));
    }

    @PostMapping("/personas/{userId}/messages/{messageId}/edit")
    @ResponseBody
    public SimulatorService.Posted editInPrivate(@PathVariable String userId, @PathVariable String messageId,
                                                 @RequestParam(required = false) String text) {
        return service.editMessage(userId, userId, messageId, text);
    }

    @PostMapping("/personas/{userId}/buttons")
    @ResponseBody
    public SimulatorService.Posted pressInPrivate(@PathVariable String userId, @RequestParam String messageId,
                                                  @RequestParam String data) {
        return service.pressButton(userId, userId, messageId, data);
    }

    // --- answers -----------------------------------------------------------------------------

    @ExceptionHandler(SimulatorException.class)
    public ResponseEntity<ProblemDetail> refused(SimulatorException e) {
        HttpStatus status = e.problem() == SimulatorException.Problem.NOT_FOUND
                ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
    }

    /** Redis (the inbox) is down: nothing was lost, the person can try again. */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "the simulator's Redis is not reachable; try again"));
    }

    private void knownPersona(String userId) {
        if (store.persona(userId).isEmpty()) {
            throw SimulatorException.notFound("no persona " + userId);
        }
    }

    /** The page's language and its words, as every template expects them; returns the words. */
    private static Map<String, String> pageWords(Model model, Language language) {
        Map<String, String> words = PageText.of(language);
        model.addAttribute("lang", language.code());
        model.addAttribute("t", words);
        return words;
    }

    private ChatView chatView(String chatId, Map<String, String> words) {
        return ChatView.of(chatId, store, words, clock);
    }

    private static <T> ResponseEntity<T> reloadingPage(T body, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (fromPage(request)) {
            answer.header("HX-Refresh", "true");
        }
        return answer.body(body);
    }

    private static boolean fromPage(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static String pageUrl(String groupId, String privateUserId, String lang) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/simulator");
        if (groupId != null) {
            url.queryParam("group", groupId);
        }
        if (privateUserId != null) {
            url.queryParam("private", privateUserId);
        }
        if (Language.EN.equals(PageText.language(lang))) {
            url.queryParam("lang", Language.EN.code());
        }
        return url.encode().build().toUriString();
    }
}
