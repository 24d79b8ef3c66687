package id.rembug.bot.knowledge.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The LangChain4j jars on the classpath are all one release (the BOM the parent imports), so the
 * OpenAI module runs against the core it was built with. A stray newer core, as the 1.20.0-beta
 * in-process embedding model would pull in, fails here rather than at run time.
 */
class LlmLangChain4jVersionTest {

    private static final String EXPECTED = "1.19.0";
    private static final List<String> ARTIFACTS = List.of("langchain4j-core", "langchain4j", "langchain4j-open-ai",
            "langchain4j-http-client", "langchain4j-http-client-jdk");

    @Test
    void everyLangChain4jJarIsTheSameRelease() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        for (String artifact : ARTIFACTS) {
            List<URL> copies = Collections.list(
                    loader.getResources("META-INF/maven/dev.langchain4j/" + artifact + "/pom.properties"));
            assertThat(copies).as("%s on the classpath", artifact).hasSize(1);
            assertThat(versionIn(copies.get(0))).as(artifact).isEqualTo(EXPECTED);
        }
    }

    @Test
    void noOtherLangChain4jJarSneaksIn() {
        // Surefire hands the test class path over in this property; an IDE puts it in java.class.path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains("langchain4j")) {
                jars.add(entry);
            }
        }
        assertThat(jars).hasSizeGreaterThanOrEqualTo(ARTIFACTS.size())
                .allSatisfy(jar -> assertThat(jar).contains("-" + EXPECTED + ".jar"));
    }

    @Test
    void openAiModelBuildsAgainstTheCoreWithoutNetwork() {
        ChatModel model = OpenAiChatModel.builder().baseUrl("http://localhost:1/v1").modelName("m").build();

        assertThat(model).isInstanceOf(ChatModel.class);
        assertThat(ChatModel.class.getProtectionDomain().getCodeSource().getLocation().toString())
                .contains("langchain4j-core-" + EXPECTED);
    }

    private static String versionIn(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
