package id.rembug.dialogues.engine;

/** One inline button under a message. */
public record Button(String label, ButtonAction action) {
}
