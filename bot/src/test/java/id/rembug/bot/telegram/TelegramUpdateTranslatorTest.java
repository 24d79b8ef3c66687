package id.rembug.bot.telegram;

import id.rembug.bot.channel.ChatUser;
import id.rembug.bot.channel.Inbound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static id.rembug.bot.telegram.TelegramSamples.BOT_ID;
import static id.rembug.bot.telegram.TelegramSamples.update;
import static org.assertj.core.api.Assertions.assertThat;

class TelegramUpdateTranslatorTest {

    private static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");
    private final TelegramUpdateTranslator translator =
            new TelegramUpdateTranslator(BOT_ID, Clock.fixed(NOW, ZoneOffset.UTC));

    private Inbound only(String sample) {
        List<Inbound> inbound = translator.translate(update(sample));
        assertThat(inbound).hasSize(1);
        return inbound.get(0);
    }

    @Test
    void groupTextBecomesAMessageWithTheSendersFullName() {
        assertThat(only("group-text")).isEqualTo(new Inbound.Message("tg:700100001", "-4012345678", false,
                Instant.ofEpochSecond(1763900000), ChatUser.person("5011", "Siti Rahayu"), "41",
                "Jalan depan balai warga sering banjir", null, false, false));
    }

    @Test
    void replyToTheBotUnderPrivacyModeCarriesTheQuestionsMessageId() {
        var message = (Inbound.Message) only("supergroup-reply-to-bot");
        assertThat(message.chatId()).isEqualTo("-1002233445566");
        assertThat(message.replyToMessageId()).isEqualTo("95");
        assertThat(message.replyToBot()).isTrue();
        assertThat(message.text()).isEqualTo("Sampah di sungai");
        assertThat(message.from()).isEqualTo(ChatUser.person("5012", "Budi"));
        assertThat(message.privateChat()).isFalse();
    }

    @Test
    void anAnonymousAdminsCommandIsNoPersonsMessage() {
        assertThat(only("anonymous-admin-command")).isEqualTo(new Inbound.PostedAsChat("tg:700100020",
                "-1002233445566", Instant.ofEpochSecond(1763900100), "120"));
    }

    @Test
    void aLinkedChannelsReplyToTheBotIsNoPersonsAnswer() {
        assertThat(only("linked-channel-reply-to-bot")).isEqualTo(new Inbound.PostedAsChat("tg:700100021",
                "-1002233445566", Instant.ofEpochSecond(1763900110), "121"));
    }

    @Test
    void aLinkedChannelsPostForwardedIntoTheGroupIsIgnored() {
        assertThat(translator.translate(update("linked-channel-forward"))).isEmpty();
    }

    @Test
    void privateChatIsMarkedPrivate() {
        var message = (Inbound.Message) only("private-text");
        assertThat(message.privateChat()).isTrue();
        assertThat(message.chatId()).isEqualTo("5013");
        assertThat(message.text()).isEqualTo("/hapusdata");
    }

    @Test
    void editedMessageIsMarkedEditedAndDatedByItsEdit() {
        var message = (Inbound.Message) only("edited-message");
        assertThat(message.edited()).isTrue();
        assertThat(message.messageId()).isEqualTo("41");
        assertThat(message.at()).isEqualTo(Instant.ofEpochSecond(1763900300));
        assertThat(message.text()).isEqualTo("Jalan depan balai warga banjir tiap hujan deras");
    }

    @Test
    void buttonPressCarriesCallbackIdMessageIdDataAndTheMessagesChat() {
        assertThat(only("callback-query")).isEqualTo(new Inbound.ButtonPressed("tg:700100005", "-1002233445566",
                false, NOW, ChatUser.person("5012", "Budi"), "4382019472849201746", "96", "s:2.1.1:5"));
    }

    @Test
    void buttonPressOnAMessageTooOldToReadStillArrives() {
        var pressed = (Inbound.ButtonPressed) only("callback-on-old-message");
        assertThat(pressed.messageId()).isEqualTo("12");
        assertThat(pressed.chatId()).isEqualTo("-1002233445566");
        assertThat(pressed.data()).isEqualTo("s:1.1.1:3");
    }

    @Test
    void botAmongNewMembersIsRecognisedByTheTokensUserId() {
        var joined = (Inbound.MembersJoined) only("bot-added");
        assertThat(joined.botAdded()).isTrue();
        assertThat(joined.addedBy()).isEqualTo(ChatUser.person("5011", "Siti Rahayu"));
        assertThat(joined.members()).containsExactly(new ChatUser("123456789", "Rembug", true),
                ChatUser.person("5014", "Agus"));
    }

    @Test
    void botWithAnotherIdIsNotThisBot() {
        var otherBot = new TelegramUpdateTranslator(987654321L, Clock.systemUTC());
        var joined = (Inbound.MembersJoined) otherBot.translate(update("bot-added")).get(0);
        assertThat(joined.botAdded()).isFalse();
    }

    @Test
    void memberWithoutAPrintableNameIsCalledByUsername() {
        var joined = (Inbound.MembersJoined) only("member-joined-by-link");
        assertThat(joined.botAdded()).isFalse();
        assertThat(joined.members()).containsExactly(ChatUser.person("5015", "pak_rt"));
        assertThat(joined.addedBy()).isEqualTo(ChatUser.person("5015", "pak_rt"));
    }

    @Test
    void memberWithNeitherNameNorUsernameIsCalledById() {
        Update update = update("group-text");
        update.getMessage().getFrom().setFirstName("");
        update.getMessage().getFrom().setLastName(null);
        update.getMessage().getFrom().setUserName(null);
        var message = (Inbound.Message) translator.translate(update).get(0);
        assertThat(message.from().name()).isEqualTo("5011");
    }

    @Test
    void memberLeaving() {
        assertThat(only("member-left")).isEqualTo(new Inbound.MemberLeft("tg:700100009", "-4012345678",
                Instant.ofEpochSecond(1763900500), ChatUser.person("5014", "Agus"), false));
    }

    @Test
    void botRemovedFromTheGroup() {
        var left = (Inbound.MemberLeft) only("bot-removed");
        assertThat(left.botRemoved()).isTrue();
        assertThat(left.member().bot()).isTrue();
    }

    @Test
    void groupBecomingASupergroupSeenFromTheOldGroup() {
        assertThat(only("migrate-to-supergroup")).isEqualTo(new Inbound.ChatMigrated("tg:700100011", "-4012345678",
                Instant.ofEpochSecond(1763900700), "-1009876543210"));
    }

    @Test
    void groupBecomingASupergroupSeenFromTheNewSupergroupGivesTheSamePair() {
        var migrated = (Inbound.ChatMigrated) only("migrate-from-group");
        assertThat(migrated.chatId()).isEqualTo("-4012345678");
        assertThat(migrated.newChatId()).isEqualTo("-1009876543210");
        assertThat(migrated.updateId()).isEqualTo("tg:700100012");
    }

    @Test
    void groupCreatedWithTheBotCountsAsTheBotBeingAdded() {
        var joined = (Inbound.MembersJoined) only("group-created-with-bot");
        assertThat(joined.botAdded()).isTrue();
        assertThat(joined.chatId()).isEqualTo("-4055555555");
        assertThat(joined.addedBy()).isEqualTo(ChatUser.person("5016", "Rina Wati"));
        assertThat(joined.members()).extracting(ChatUser::id).containsExactly("123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sticker", "channel-post", "poll", "my-chat-member"})
    void updatesRembugDoesNotFollowBecomeNothing(String sample) {
        assertThat(translator.translate(update(sample))).isEmpty();
    }

    @Test
    void messageWithoutADateIsDatedOnArrival() {
        var message = (Inbound.Message) only("message-without-date");
        assertThat(message.at()).isEqualTo(NOW);
        assertThat(message.text()).isEqualTo("tanpa tanggal");
    }

    @Test
    void photoCaptionIsReadAsTheTextWithThePhotosLargestFile() {
        var message = (Inbound.Message) only("photo");
        assertThat(message.text()).isEqualTo("Foto saluran yang mampet");
        assertThat(message.media().kind()).isEqualTo("photo");
        assertThat(message.media().fileId()).isNotBlank();
    }

    @Test
    void aPhotoReplyCarriesItsLargestSizeAndItsCaption() {
        var message = (Inbound.Message) only("photo-sizes-reply");
        assertThat(message.text()).isEqualTo("sumur tua");
        assertThat(message.replyToBot()).isTrue();
        assertThat(message.media()).isEqualTo(new Inbound.Media("photo", "AgACAgUAAx0CbZ-large", "AQADsrIxG-x", null,
                75130L, null, null, null, null));
    }

    @Test
    void aVoiceNoteWithoutTextIsAMessageWithItsDuration() {
        var message = (Inbound.Message) only("voice-without-text");
        assertThat(message.text()).isEmpty();
        assertThat(message.replyToMessageId()).isEqualTo("95");
        assertThat(message.media()).isEqualTo(new Inbound.Media("voice", "AwACAgUAAxkBAAIBQGZ", "AgADx7s", 4, null,
                "audio/ogg", null, null, null));
    }

    @Test
    void aVideoNoteIsItsOwnFileNotItsThumbnail() {
        var message = (Inbound.Message) only("video-note-reply");
        assertThat(message.media()).isEqualTo(new Inbound.Media("video_note", "DQACAgUAAx0CbZ-vnote", "AgADvnote", 12,
                402113L, null, null, null, null));
    }

    @Test
    void aDocumentKeepsItsFileNameAndCaption() {
        var message = (Inbound.Message) only("document-reply");
        assertThat(message.text()).isEqualTo("notulen rapat RW");
        assertThat(message.media()).isEqualTo(new Inbound.Media("document", "BQACAgUAAx0CbZ-doc", "AgADdoc", null,
                48213L, "application/pdf", "notulen-rapat.pdf", null, null));
    }

    @Test
    void aLocationHasCoordinatesAndNoFile() {
        var message = (Inbound.Message) only("location-reply");
        assertThat(message.media()).isEqualTo(new Inbound.Media("location", null, null, null, null, null, null,
                -7.801194, 110.364917));
    }

    @Test
    void aVenueIsAPlaceWithItsName() {
        var message = (Inbound.Message) only("venue-reply");
        assertThat(message.media()).isEqualTo(new Inbound.Media("venue", null, null, null, null, null,
                "Balai Warga RW 03", -7.80251, 110.36612));
    }

    @Test
    void updateHoldingOnlyItsIdBecomesNothing() {
        Update idOnly = new Update();
        idOnly.setUpdateId(700100099);
        assertThat(translator.translate(idOnly)).isEmpty();
    }

    @Test
    void updateWithoutIdOrMessageWithoutChatBecomesNothing() {
        assertThat(translator.translate(new Update())).isEmpty();
        assertThat(translator.translate(null)).isEmpty();
        Update noChat = new Update();
        noChat.setUpdateId(700100098);
        Message message = new Message();
        message.setText("halo");
        message.setDate(1763900000);
        noChat.setMessage(message);
        assertThat(translator.translate(noChat)).isEmpty();
    }
}
