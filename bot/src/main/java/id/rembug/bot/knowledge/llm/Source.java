package id.rembug.bot.knowledge.llm;

/** Which one produced a result, so the reader can be told. */
public enum Source {
    /** The language model wrote it and the result passed our checks. */
    LLM,
    /** Our own rules wrote it: the model is off, failed, or gave an answer we rejected. */
    DETERMINISTIC
}
