package id.rembug.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One knowledge article in both languages.
 *
 * @param id      stable identifier, e.g. {@code tahap-arah}; what links and tests refer to
 * @param title   short title
 * @param summary one or two sentences: the short answer the bot gives to a question
 * @param body    the article itself, Markdown
 * @param stages  keys of the method stages the article belongs to (may be empty)
 * @param roles   facilitator roles the article is about (may be empty)
 * @param tags    extra search words, in either language
 * @param source  where the article was loaded from, so people know which file to edit
 * @param tip     one practical sentence for a facilitator about to use the article (the bot
 *                sends it as a note before a stage, or when answers suggest a role is needed);
 *                null when the article has none
 * @param questions how people ask about the topic in their own words (either language, phone
 *                  spellings welcome): searched like the title, so a question finds its article even
 *                  when it shares no word with the text
 */
public record Article(
        String id,
        Text title,
        Text summary,
        Text body,
        List<String> stages,
        List<String> roles,
        List<String> tags,
        String source,
        Text tip,
        List<String> questions) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(body, "body");
        stages = List.copyOf(stages);
        roles = List.copyOf(roles);
        tags = List.copyOf(tags);
        Objects.requireNonNull(source, "source");
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** An article without a tip. */
    public Article(String id, Text title, Text summary, Text body, List<String> stages, List<String> roles,
                   List<String> tags, String source) {
        this(id, title, summary, body, stages, roles, tags, source, null, List.of());
    }

    public Optional<Text> optionalTip() {
        return Optional.ofNullable(tip);
    }
}
