package id.rembug.dialogues.flow;

import java.util.Map;

/** The engine's own texts ({@code flows/messages.yaml}), and the languages a group may switch to. */
public final class Messages extends TextCatalog<MessageKey> {

    /** How {@code messages.yaml} is laid out; every message may use the flow's {@code {address}}. */
    public static final TextFiles.Layout LAYOUT =
            new TextFiles.Layout("Messages file", "messages", java.util.List.of(), false, java.util.List.of(Flow.ADDRESS));

    public Messages(Map<MessageKey, Text> texts) {
        super(MessageKey.class, texts, Languages.BUILT_IN);
    }

    Messages(TextCatalog<MessageKey> catalog) {
        super(catalog);
    }

    private Messages(Map<MessageKey, Text> texts, Languages languages) {
        super(MessageKey.class, texts, languages);
    }

    /** The messages with the flow's form of address ({@code {address}}) written in. */
    public Messages addressing(Flow flow) {
        return new Messages(filledTexts(Flow.ADDRESS, flow.address()), languages());
    }
}
