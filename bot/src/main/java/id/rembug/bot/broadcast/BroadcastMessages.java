package id.rembug.bot.broadcast;

import id.rembug.bot.channel.Outgoing;
import id.rembug.bot.channel.Outgoing.OutButton;
import id.rembug.dialogues.flow.Language;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders an announcement or reminder for one group, in the group's language and time zone. */
final class BroadcastMessages {

    private static final DateTimeFormatter WHEN_ID =
            DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy 'pukul' HH.mm z", Locale.forLanguageTag("id"));
    private static final DateTimeFormatter WHEN_EN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm z", Locale.ENGLISH);

    private final BroadcastTexts texts;

    BroadcastMessages(BroadcastTexts texts) {
        this.texts = texts;
    }

    Outgoing render(BroadcastJob job, int wave, GroupDirectory.GroupView group, Instant now) {
        Language language = group.language();
        ZoneId zone = group.zoneId() == null ? job.announcement().startsAt().getZone() : ZoneId.of(group.zoneId());
        String text = text(job.announcement(), wave, language, zone);
        return Outgoing.text(BroadcastKeys.outgoingId(job.id(), wave, group.groupId()), Outgoing.Lane.BROADCAST,
                group.chatId(), group.groupId(), text, now).withButtons(List.of(buttons(job.id(), language)));
    }

    String text(Announcement a, int wave, Language language, ZoneId zone) {
        return texts.get(wave == 0 ? BroadcastText.ANNOUNCEMENT : BroadcastText.REMINDER, language, Map.of(
                "title", a.title(), "when", when(a.startsAt().withZoneSameInstant(zone), language),
                "place", a.place().isEmpty() ? "-" : a.place(), "agenda", a.agenda().isEmpty() ? "-" : a.agenda()));
    }

    static String when(java.time.ZonedDateTime at, Language language) {
        return at.format(Language.EN.equals(language) ? WHEN_EN : WHEN_ID);
    }

    List<OutButton> buttons(String jobId, Language language) {
        return List.of(Vote.values()).stream()
                .map(v -> new OutButton(texts.get(v.textKey, language), v.callbackData(jobId))).toList();
    }
}
