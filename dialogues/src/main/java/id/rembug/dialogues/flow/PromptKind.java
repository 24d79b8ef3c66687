package id.rembug.dialogues.flow;

/** How a prompt is answered. */
public enum PromptKind {
    /** One free-text answer per member. */
    TEXT("text"),
    /** One of a few buttons. */
    CHOICE("choice"),
    /** Several items, from several members, each answer adding items. */
    LIST("list"),
    /** A goal, checked against the four criteria of the method. */
    GOAL("goal"),
    /** A number from 1 to 5. */
    SCALE("scale");

    private final String yamlName;

    PromptKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Kinds whose answer is typed, so the channel asks for a reply. */
    public boolean isTyped() {
        return this == TEXT || this == LIST || this == GOAL;
    }

    public static PromptKind fromYaml(String value) {
        for (PromptKind kind : values()) {
            if (kind.yamlName.equals(value)) {
                return kind;
            }
        }
        return null;
    }

    public static String allowedNames() {
        StringBuilder names = new StringBuilder();
        for (PromptKind kind : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(kind.yamlName);
        }
        return names.toString();
    }
}
