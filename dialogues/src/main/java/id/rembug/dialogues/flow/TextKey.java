package id.rembug.dialogues.flow;

import java.util.List;

/**
 * A key of one text file: every text the product says is named by an enum implementing this, so
 * code cannot ask for a text that does not exist. The file writes the key as {@link #yamlKey()};
 * the text may use the {@link #placeholders()} (written {@code {name}}) and must use the
 * {@link #required()} ones.
 */
public interface TextKey {

    String yamlKey();

    /** The placeholders the code fills for this text; a text may leave any of them out. */
    List<String> placeholders();

    /** The placeholders every language's text must use (a model prompt naming its data tag). */
    default List<String> required() {
        return List.of();
    }
}
