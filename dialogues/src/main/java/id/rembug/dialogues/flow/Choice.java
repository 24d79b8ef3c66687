package id.rembug.dialogues.flow;

/** One button of a choice prompt. */
public record Choice(String key, Text label) {
}
