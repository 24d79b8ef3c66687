package id.rembug.bot.broadcast;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The broadcast REST API for staff tools: {@code POST /api/broadcasts} and
 * {@code GET /api/broadcasts/{id}}, with {@code Authorization: Bearer <rembug.broadcast.api-token>}.
 * With no token configured the API answers 404, as if it were not there.
 *
 * <p>Order matters: the API is looked up (404 when off), then the token checked (401), and only
 * then is the body read (at most {@link #MAX_BODY_BYTES}, else 413) and parsed (400 with what was
 * wrong). Nobody without the token learns anything from how their body was judged, and no part of
 * a body is ever logged: a wrong request is answered, not recorded.
 */
@RestController
@RequestMapping("/api/broadcasts")
public class BroadcastController {

    /** An announcement is a few hundred bytes; this leaves room for a long agenda. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final BroadcastService service;
    private final BroadcastProperties.Broadcast properties;
    private final JsonMapper json;

    public BroadcastController(BroadcastService service, BroadcastProperties properties, JsonMapper json) {
        this.service = service;
        this.properties = properties.broadcast();
        this.json = json;
    }

    /**
     * @param startsAt ISO date-time, with an offset or zone, or without (then in {@code rembug.broadcast.zone})
     * @param target   {@code all}, {@code tag:<tag>} or {@code stage:<stageKey>}; absent: all
     * @param sendAt   when to send, same forms as {@code startsAt}; absent: now
     */
    public record CreateRequest(String title, String startsAt, String place, String agenda, String target,
                                String sendAt) {
    }

    @PostMapping
    public ResponseEntity<?> create(@RequestHeader(name = "Authorization", required = false) String authorization,
                                    HttpServletRequest http) throws IOException {
        ResponseEntity<?> refused = refuse(authorization);
        if (refused != null) {
            return refused;
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Map.of("error", "the body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        CreateRequest request;
        try {
            request = json.readValue(body, CreateRequest.class);
        } catch (JacksonException notJson) {
            return ResponseEntity.badRequest().body(Map.of("error", "the body is not a broadcast in JSON ({\"title\": "
                    + "..., \"startsAt\": ..., \"place\": ..., \"agenda\": ..., \"target\": ...}): "
                    + notJson.getOriginalMessage()));
        }
        if (request == null) {
            return ResponseEntity.badRequest().body(Map.of("error", "the body is empty; send a broadcast in JSON"));
        }
        try {
            Announcement announcement = new Announcement(request.title(), parse(request.startsAt()), request.place(),
                    request.agenda());
            Instant sendAt = request.sendAt() == null || request.sendAt().isBlank() ? null
                    : parse(request.sendAt()).toInstant();
            BroadcastJob job = service.create(announcement, Target.decode(request.target()), sendAt, "api");
            return ResponseEntity.status(HttpStatus.CREATED).body(service.report(job.id()).orElseThrow());
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException invalid) {
            return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(invalid.getMessage())));
        }
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@RequestHeader(name = "Authorization", required = false) String authorization,
                                 @PathVariable String id) {
        ResponseEntity<?> refused = refuse(authorization);
        if (refused != null) {
            return refused;
        }
        return service.report(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no broadcast " + id)));
    }

    private ResponseEntity<?> refuse(String authorization) {
        if (!properties.apiEnabled()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        String expected = "Bearer " + properties.apiToken();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer").body(Map.of("error", "a valid bearer token is required"));
        }
        return null;
    }

    private ZonedDateTime parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("startsAt is required");
        }
        try {
            return ZonedDateTime.parse(text);
        } catch (DateTimeParseException notZoned) {
            try {
                return OffsetDateTime.parse(text).toZonedDateTime();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(text).atZone(zone());
            }
        }
    }

    private ZoneId zone() {
        return properties.zone();
    }
}
