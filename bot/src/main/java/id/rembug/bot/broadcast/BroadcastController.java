package id.rembug.bot.broadcast;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
 */
@RestController
@RequestMapping("/api/broadcasts")
public class BroadcastController {

    private final BroadcastService service;
    private final BroadcastProperties.Broadcast properties;

    public BroadcastController(BroadcastService service, BroadcastProperties properties) {
        this.service = service;
        this.properties = properties.broadcast();
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
                                    @RequestBody CreateRequest request) {
        ResponseEntity<?> refused = refuse(authorization);
        if (refused != null) {
            return refused;
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
