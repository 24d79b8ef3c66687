package id.rembug.bot.conversation;

import id.rembug.bot.channel.Inbound;
import id.rembug.bot.channel.InboxWriter;
import id.rembug.bot.channel.Outgoing;
import id.rembug.dialogues.engine.Command;
import id.rembug.dialogues.flow.Language;
import id.rembug.dialogues.flow.MessageKey;
import id.rembug.dialogues.flow.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's private chat with the bot: where facilitators receive summaries. Starting it is
 * what lets Telegram deliver them, so /start is remembered. {@code /hapusdata} here deletes the
 * person's data in every group they appeared in, also groups they have left, after a button
 * confirms it.
 */
@Component
public class PrivatePlanner {

    /** The person's hash field naming the sensitive question asked in their private chat ("" once answered). */
    static final String ANSWERING_FIELD = "answering";

    private final Messages messages;
    private final List<ConversationHook> hooks;
    private final ConversationStore store;
    private final InboxWriter inbox;
    private final ButtonSigner signer;

    public PrivatePlanner(Messages messages, ObjectProvider<ConversationHook> hooks, ConversationStore store,
                          InboxWriter inbox, ButtonSigner signer) {
        this.signer = signer;
        this.messages = messages;
        this.hooks = hooks.orderedStream().toList();
        this.store = store;
        this.inbox = inbox;
    }

    Plan plan(ConversationStore.Snapshot snapshot, Inbound inbound, String entryId) {
        Plan plan = new Plan(null);
        Language language = Language.ID;
        if (privateAnswer(plan, inbound, entryId)) {
            return plan;
        }
        if (!(inbound instanceof Inbound.Message edit && edit.edited())) {
            ConversationHook.HookCall call = new ConversationHook.HookCall(snapshot.conversation(), inbound.chatId(),
                    null, inbound);
            for (ConversationHook hook : hooks) {
                Optional<ConversationHook.HookAnswer> answer = hook.answer(call);
                if (answer.isPresent()) {
                    answer.get().texts().forEach(t -> {
                        send(plan, snapshot, entryId, inbound.chatId(), inbound.at(), t.text(), t.buttons());
                        plan.improveLast(snapshot.conversation(), t.improve());
                    });
                    if (inbound instanceof Inbound.ButtonPressed pressed) {
                        toast(plan, snapshot, entryId, pressed, answer.get().toast(), answer.get().alert());
                    }
                    return plan;
                }
            }
        }
        if (inbound instanceof Inbound.ButtonPressed pressed) {
            Optional<CallbackData> data = signer.open(pressed.data(), pressed.chatId());
            Command command = data.orElse(null) instanceof CallbackData.GroupCommand c ? c.command() : null;
            if (command == Command.CONFIRM_DELETE && pressed.from() != null) {
                int groups = eraseEverywhere(plan, snapshot, entryId, pressed);
                toast(plan, snapshot, entryId, pressed, null, false);
                send(plan, snapshot, entryId, pressed.chatId(), pressed.at(),
                        messages.get(MessageKey.PRIVATE_DELETE_DONE, language, Map.of("groups", groups)), List.of());
            } else if (command == Command.CANCEL_DELETE) {
                toast(plan, snapshot, entryId, pressed, messages.get(MessageKey.PRIVATE_DELETE_CANCELLED, language),
                        false);
            } else {
                // a button no hook knows (an old one, or one made up): answered, so it stops spinning
                toast(plan, snapshot, entryId, pressed, messages.get(MessageKey.BUTTON_NOT_OURS, language), false);
            }
            return plan;
        }
        if (!(inbound instanceof Inbound.Message message) || message.edited()) {
            return plan;
        }
        Optional<Command.Parsed> command = Command.parse(message.text());
        String userId = message.chatId();
        String name = message.from() == null ? "" : message.from().name();
        if (command.isPresent() && (command.get().command() == Command.START)) {
            plan.userId = userId;
            plan.userFields.put("started", "1");
            plan.reconnectUserId = userId;
            Optional<PrivateQuestionLink> link = PrivateQuestionLink.open(command.get().argument(), signer);
            if (link.isPresent() && message.from() != null) {
                // from a sensitive question's button: the group's turn asks it here, in the group's words.
                // A resident's name is not kept with them here: deleting their data in the group leaves none.
                plan.userFields.put(ANSWERING_FIELD, link.get().field());
                inbox.append(List.of(new Inbound.PrivateQuestionOpened("private-question:" + message.updateId(),
                        link.get().groupId(), message.at(), message.from(), link.get().stageKey(), link.get().round(),
                        link.get().promptIndex())));
                return plan;
            }
            plan.userFields.put("name", name);
            reply(plan, snapshot, entryId, message, messages.get(MessageKey.PRIVATE_WELCOME, language, Map.of("name", name)));
        } else if (command.isPresent() && command.get().command() == Command.DELETE_MY_DATA) {
            send(plan, snapshot, entryId, message.chatId(), message.at(),
                    messages.get(MessageKey.PRIVATE_DELETE_CONFIRM, language), List.of(
                            List.of(new Outgoing.OutButton(messages.get(MessageKey.DELETE_BUTTON_YES, language),
                                    signer.seal(new CallbackData.GroupCommand(Command.CONFIRM_DELETE, ""), message.chatId()))),
                            List.of(new Outgoing.OutButton(messages.get(MessageKey.DELETE_BUTTON_NO, language),
                                    signer.seal(new CallbackData.GroupCommand(Command.CANCEL_DELETE, ""), message.chatId())))));
        } else {
            reply(plan, snapshot, entryId, message, messages.get(MessageKey.PRIVATE_HELP, language));
        }
        return plan;
    }

    /**
     * The person's next words after a sensitive question was asked here are their answer to it: they
     * go to that group's inbox (the group's turn counts them and thanks the person here), and the
     * question is answered, so later words are ordinary private messages again. An id derived from
     * the update makes a redelivery change nothing. Commands stay commands.
     */
    private boolean privateAnswer(Plan plan, Inbound inbound, String entryId) {
        if (!(inbound instanceof Inbound.Message message) || message.edited() || message.from() == null
                || message.text() == null || message.text().isBlank() || Command.parse(message.text()).isPresent()) {
            return false;
        }
        Optional<PrivateQuestionLink> asked = PrivateQuestionLink.fromField(
                store.userField(message.from().id(), ANSWERING_FIELD));
        if (asked.isEmpty()) {
            return false;
        }
        PrivateQuestionLink question = asked.get();
        inbox.append(List.of(new Inbound.PrivateAnswerGiven("private-answer:" + message.updateId(),
                question.groupId(), message.at(), message.from(), message.messageId(), question.stageKey(),
                question.round(), question.promptIndex(), message.text())));
        plan.userId = message.from().id();
        plan.userFields.put(ANSWERING_FIELD, "");
        return true;
    }

    /**
     * Asks every group the person appeared in to forget them, through each group's own inbox, so
     * each deletion is that group's atomic commit in the group's order; the ids are derived from
     * this entry, so applying it again after a crash asks nothing twice. The person's own keys go
     * with this commit. Returns how many groups were asked.
     */
    private int eraseEverywhere(Plan plan, ConversationStore.Snapshot snapshot, String entryId,
                                Inbound.ButtonPressed pressed) {
        String userId = pressed.from().id();
        java.util.Set<String> groups = store.groupsOf(userId);
        inbox.append(groups.stream().<Inbound>map(group -> new Inbound.ErasureRequested(
                "erase:" + userId + ":" + entryId + ":" + group, group, pressed.at(), userId)).toList());
        plan.erasedUserId = userId;
        return groups.size();
    }

    private void reply(Plan plan, ConversationStore.Snapshot snapshot, String entryId, Inbound.Message message,
                       String text) {
        send(plan, snapshot, entryId, message.chatId(), message.at(), text, List.of());
    }

    /** Every button press is answered, so the person's app stops showing it as pending. */
    private void toast(Plan plan, ConversationStore.Snapshot snapshot, String entryId, Inbound.ButtonPressed pressed,
                       String text, boolean alert) {
        plan.outgoing.add(Outgoing.callbackAnswer(plan.nextId(snapshot.conversation(), entryId),
                pressed.chatId(), null, pressed.callbackId(), text == null ? GroupPlanner.TICK : text,
                alert && text != null, pressed.at()));
    }

    private void send(Plan plan, ConversationStore.Snapshot snapshot, String entryId, String chatId,
                      java.time.Instant at, String text, List<List<Outgoing.OutButton>> buttons) {
        plan.outgoing.add(Outgoing.text(plan.nextId(snapshot.conversation(), entryId),
                Outgoing.Lane.CONVERSATION, chatId, null, text, at).withButtons(buttons));
    }
}
