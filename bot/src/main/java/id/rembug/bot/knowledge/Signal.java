package id.rembug.bot.knowledge;

/** What a stage's answers can show that a facilitator role could help with. */
public enum Signal {
    /** Disagreement or quarrels: the mediator's work. */
    CONFLICT("conflict"),
    /** Something the group needs but lacks: the broker's (and maybe the advocate's) work. */
    MISSING_RESOURCE("missing-resource");

    private final String yamlKey;

    Signal(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }
}
