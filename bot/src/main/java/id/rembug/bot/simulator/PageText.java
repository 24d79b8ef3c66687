package id.rembug.bot.simulator;

import id.rembug.dialogues.flow.Language;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulator page's own words, Bahasa Indonesia first and English second. The bot's messages
 * are not here: they come from the flow, in the group's language.
 */
final class PageText {

    private static final Map<String, String> INDONESIAN = new LinkedHashMap<>();
    private static final Map<String, String> ENGLISH = new LinkedHashMap<>();

    static {
        text("pageTitle", "Simulator Rembug", "Rembug simulator");
        text("intro", "Mainkan satu grup warga sendirian: ketik sebagai fasilitator atau warga, tekan tombol, dan lihat apa yang dikirim bot.",
                "Play a whole residents' group on your own: type as the facilitator or a resident, press buttons, and see what the bot sends.");
        text("stepsTitle", "Cara mulai", "How to start");
        text("step2", "%s ketik /fasilitator", "%s types /fasilitator");
        text("step3", "ketik /mulai", "type /mulai");
        text("otherLanguage", "English", "Bahasa Indonesia");
        text("group", "Grup", "Group");
        text("show", "Tampilkan", "Show");
        text("newGroup", "Grup baru", "New group");
        text("createGroup", "Buat grup simulasi", "Create a simulated group");
        text("noGroupYet", "Belum ada grup simulasi. Buat satu untuk mulai.", "There is no simulated group yet. Create one to begin.");
        text("groupTitle", "Nama grup (boleh kosong)", "Group name (optional)");
        text("facilitatorName", "Nama fasilitator", "Facilitator's name");
        text("residentNames", "Warga, pisahkan dengan koma", "Residents, separated by commas");
        text("addBot", "Tambahkan bot ke grup", "Add the bot to the group");
        text("removeBot", "Keluarkan bot", "Remove the bot");
        text("botIn", "Bot ada di grup ini.", "The bot is in this group.");
        text("botOut", "Bot belum ada di grup: warga bisa mengetik, tapi bot tidak mendengar.",
                "The bot is not in the group yet: residents can type, but the bot does not hear them.");
        text("members", "Anggota grup", "Group members");
        text("facilitator", "fasilitator", "facilitator");
        text("addMember", "Tambah warga", "Add a resident");
        text("memberName", "Nama warga", "Resident's name");
        text("removeMember", "Keluarkan", "Remove");
        text("typingAs", "Mengetik sebagai", "Typing as");
        text("placeholder", "Tulis pesan… (Enter untuk kirim)", "Write a message… (Enter sends)");
        text("send", "Kirim", "Send");
        text("replyingTo", "Membalas", "Replying to");
        text("cancelReply", "Jangan membalas", "Don't reply");
        text("reply", "balas", "reply");
        text("edit", "ubah", "edit");
        text("editPrompt", "Ubah pesan:", "Edit the message:");
        text("edited", "diubah", "edited");
        text("alert", "Pesan dari bot untuk yang menekan tombol", "The bot's note to whoever pressed the button");
        text("alertClose", "OK", "OK");
        text("bot", "Rembug (bot)", "Rembug (bot)");
        text("emptyGroup", "Belum ada pesan di grup.", "No messages in the group yet.");
        text("privateChat", "Chat pribadi dengan bot", "Private chat with the bot");
        text("privateOf", "Chat milik", "Chat of");
        text("privateHint", "Fasilitator menerima ringkasan di sini. Bot hanya bisa menulis kepada orang yang sudah membuka chat dengannya.",
                "The facilitator gets summaries here. The bot can only write to people who have opened a chat with it.");
        text("started", "Sudah membuka chat dengan bot.", "Has opened a chat with the bot.");
        text("notStarted", "Belum membuka chat dengan bot: bot tidak bisa mengirim pesan pribadi kepadanya.",
                "Has not opened a chat with the bot: the bot cannot write to them privately.");
        text("startChat", "Mulai chat (/start)", "Start the chat (/start)");
        text("blockBot", "Anggap belum pernah memulai bot", "Pretend they never started the bot");
        text("emptyPrivate", "Belum ada pesan pribadi.", "No private messages yet.");
        text("error", "Tidak berhasil", "Did not work");
        text("notice.bot-added", "%s menambahkan bot ke grup", "%s added the bot to the group");
        text("notice.bot-removed", "%s mengeluarkan bot dari grup", "%s removed the bot from the group");
        text("notice.joined", "%s bergabung dengan grup", "%s joined the group");
        text("notice.left", "%s keluar dari grup", "%s left the group");
    }

    private PageText() {
    }

    private static void text(String key, String indonesian, String english) {
        INDONESIAN.put(key, indonesian);
        ENGLISH.put(key, english);
    }

    /** The page language: English only when asked for ({@code en}), Indonesian otherwise. */
    static Language language(String requested) {
        return Language.EN.code().equalsIgnoreCase(requested) ? Language.EN : Language.ID;
    }

    static Map<String, String> of(Language language) {
        return Collections.unmodifiableMap(language == Language.EN ? ENGLISH : INDONESIAN);
    }
}
