package id.rembug.bot.channel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelCodecTest {

    /** Inbox and outbox entries exactly as versions of 2026-12-07 stored them (Jackson's own instants). */
    private static final String MESSAGE_STORED = """
            {"type":"message","updateId":"tg:100200","chatId":"-1001234","privateChat":false,\
            "at":"2026-12-07T05:16:00.123456Z","from":{"id":"807217901","name":"Budi","bot":false},\
            "messageId":"10000480","text":"Kerja bakti hari Minggu","replyToMessageId":"10000470","replyToBot":true,\
            "edited":false,"senderChat":null,"threadId":null,"media":null,"replyToUser":null}""";
    private static final String BUTTON_STORED = """
            {"type":"button","updateId":"tg:100201","chatId":"-1001234","privateChat":false,\
            "at":"2026-12-07T05:16:01Z","from":{"id":"807217902","name":"Sari","bot":false},"callbackId":"cb-991",\
            "messageId":"10000471","data":"a|semangat|1|0|2|sig"}""";
    private static final String TEXT_STORED = """
            {"id":"in:tg:100200:0","kind":"TEXT","lane":"CONVERSATION","chatId":"-1001234","groupId":"-1001234",\
            "text":"Terima kasih, Budi!","buttons":[[{"label":"Lanjut","callbackData":"n|1|sig","startPayload":null}]],\
            "forceReply":true,"replyToMessageId":"10000480","promptRef":"semangat|1|0","reaction":null,\
            "callbackId":null,"createdAt":"2026-12-07T05:16:00.123Z","editOf":null,"alert":false,"lasting":false,\
            "options":[],"copyOf":null}""";
    private static final String EDIT_STORED = """
            {"id":"in:tg:100201:1","kind":"EDIT","lane":"CONVERSATION","chatId":"-1001234","groupId":"-1001234",\
            "text":"3 dari 5 sudah menjawab","buttons":[],"forceReply":false,"replyToMessageId":null,"promptRef":null,\
            "reaction":null,"callbackId":null,"createdAt":"2026-12-07T05:16:01.000000001Z","editOf":"in:tg:100100:0",\
            "alert":false,"lasting":true,"options":[],"copyOf":null}""";

    private static final Inbound.Message MESSAGE = new Inbound.Message("tg:100200", "-1001234", false,
            Instant.parse("2026-12-07T05:16:00.123456Z"), ChatUser.person("807217901", "Budi"), "10000480",
            "Kerja bakti hari Minggu", "10000470", true, false);
    private static final Inbound.ButtonPressed BUTTON = new Inbound.ButtonPressed("tg:100201", "-1001234", false,
            Instant.parse("2026-12-07T05:16:01Z"), ChatUser.person("807217902", "Sari"), "cb-991", "10000471",
            "a|semangat|1|0|2|sig");
    private static final Outgoing TEXT = Outgoing.text("in:tg:100200:0", Outgoing.Lane.CONVERSATION, "-1001234",
                    "-1001234", "Terima kasih, Budi!", Instant.parse("2026-12-07T05:16:00.123Z"))
            .withButtons(List.of(List.of(new Outgoing.OutButton("Lanjut", "n|1|sig")))).forcingReply(true)
            .replyingTo("10000480").asking("semangat|1|0");
    private static final Outgoing EDIT = Outgoing.edit("in:tg:100201:1", "-1001234", "-1001234", "in:tg:100100:0",
            "3 dari 5 sudah menjawab", List.of(), Instant.parse("2026-12-07T05:16:01.000000001Z")).asLasting();

    @Test
    void inboxEntriesStoredBeforeReadTheSameAndAreWrittenTheSame() {
        assertThat(ChannelCodec.readInbound(MESSAGE_STORED)).isEqualTo(MESSAGE);
        assertThat(ChannelCodec.readInbound(BUTTON_STORED)).isEqualTo(BUTTON);
        assertThat(ChannelCodec.write(MESSAGE)).isEqualTo(MESSAGE_STORED);
        assertThat(ChannelCodec.write(BUTTON)).isEqualTo(BUTTON_STORED);
    }

    @Test
    void outboxEntriesStoredBeforeReadTheSameAndAreWrittenTheSame() {
        assertThat(ChannelCodec.readOutgoing(TEXT_STORED)).isEqualTo(TEXT);
        assertThat(ChannelCodec.readOutgoing(EDIT_STORED)).isEqualTo(EDIT);
        assertThat(ChannelCodec.write(TEXT)).isEqualTo(TEXT_STORED);
        assertThat(ChannelCodec.write(EDIT)).isEqualTo(EDIT_STORED);
    }

    @Test
    void everyKindOfEntrySurvivesTheRoundTrip() {
        Instant at = Instant.parse("2026-12-07T05:16:02.5Z");
        ChatUser ani = ChatUser.person("807217903", "Ani");
        List<Inbound> inbound = List.of(MESSAGE, BUTTON,
                new Inbound.Message("tg:1", "-1001234", false, at, ani, "m1", "foto", null, false, false, null, "7",
                        new Inbound.Media("photo", "AgACAgUAAx0", "AQADx", null, 20480L, "image/jpeg", null, null, null),
                        ani),
                new Inbound.MembersJoined("tg:2", "-1001234", at, ani, List.of(ani), false),
                new Inbound.PollAnswered("tg:3", "-1001234", at, ani, "semangat|1|2", List.of()),
                new Inbound.WakeUp("wake:-1001234", "-1001234", Instant.ofEpochSecond(1_796_620_560L, 1)),
                new Inbound.PrivateAnswerGiven("tg:4", "-1001234", at, ani, "m2", "keuangan", 1, 3, "rahasia"));
        for (Inbound entry : inbound) {
            assertThat(ChannelCodec.readInbound(ChannelCodec.write(entry))).isEqualTo(entry);
        }
        List<Outgoing> outgoing = List.of(TEXT, EDIT,
                Outgoing.poll("o:1", "-1001234", "-1001234", "Setuju?", List.of("Ya", "Tidak"), List.of(), at),
                Outgoing.copy("o:2", "fas", "-1001234", "-1001234", "m1", null, at),
                Outgoing.callbackAnswer("o:3", "-1001234", "-1001234", "cb-1", "Terima kasih", true, at));
        for (Outgoing message : outgoing) {
            assertThat(ChannelCodec.readOutgoing(ChannelCodec.write(message))).isEqualTo(message);
        }
    }
}
