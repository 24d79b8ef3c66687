package id.rembug.dialogues.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory across stages: a prompt's text may quote what the group said or agreed earlier by writing
 * {@code {stage.prompt}}, e.g. {@code "Tujuan bersama kita: {arah.tujuan}"}. The loader checks each
 * reference names a prompt asked before this one; the engine fills it in when it asks.
 */
public final class References {

    /** {@code {stage.prompt}}: two keys joined by a dot, the way placeholders are written elsewhere. */
    static final Pattern REFERENCE = Pattern.compile("\\{([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)}");
    /** Anything in braces, to report what is not a reference. */
    static final Pattern BRACES = Pattern.compile("\\{([^{}\\n]{0,60})}");

    private References() {
    }

    /** The references in a text, both languages, each once, as {@code stage.prompt}. */
    public static List<String> in(Text text) {
        Set<String> found = new LinkedHashSet<>();
        for (String written : List.of(text.id(), text.en())) {
            Matcher matcher = REFERENCE.matcher(written);
            while (matcher.find()) {
                found.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        return new ArrayList<>(found);
    }

    /** Every {@code stage.prompt} some prompt of the flow quotes: what the engine must remember. */
    public static Set<String> quotedIn(Flow flow) {
        Set<String> quoted = new LinkedHashSet<>();
        flow.stages().forEach(stage -> stage.prompts().forEach(prompt -> quoted.addAll(prompt.references())));
        return quoted;
    }
}
