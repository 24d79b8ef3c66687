package id.rembug.dialogues.flow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Locale;

/**
 * A key of one text file: every text the product says is named by an enum constant implementing
 * this, so code cannot ask for a text that does not exist. The enum only lists its keys: the file
 * writes a key as the constant's name in lowercase with hyphens ({@code STAGE_INTRO} is
 * {@code stage-intro}), and a constant marked {@link Fills} names the placeholders the code fills
 * (written {@code {name}} in the text). The text must use the {@link #required()} ones.
 */
public interface TextKey {

    /** The placeholders the code fills for this text; a text may leave any of them out. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Fills {
        String[] value();
    }

    /** The enum constant's name (every text key is one). */
    String name();

    /** How the text file writes this key. */
    default String yamlKey() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The placeholders the code fills for this text ({@link Fills}); a text may leave any of them out. */
    default List<String> placeholders() {
        try {
            Fills fills = getClass().getField(name()).getAnnotation(Fills.class);
            return fills == null ? List.of() : List.of(fills.value());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(getClass().getName() + " is not an enum of text keys", e);
        }
    }

    /** The placeholders every language's text must use (a model prompt naming its data tag). */
    default List<String> required() {
        return List.of();
    }
}
