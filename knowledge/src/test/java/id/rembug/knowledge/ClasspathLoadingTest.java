package id.rembug.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application reads its articles from inside a jar, not from a folder. */
class ClasspathLoadingTest {

    private static final String ARTICLE = "---\nid: dari-jar\ntitle:\n  id: Dari jar\n  en: From a jar\n"
            + "stages: []\nroles: []\ntags: []\nsummary:\n  id: Ringkasan.\n  en: Summary.\n---\n"
            + "## id\nIsi.\n## en\nBody.\n";

    @Test
    void articlesAreReadFromInsideAJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("articles.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            write(out, "pustaka/", null);
            write(out, "pustaka/dari-jar.md", ARTICLE);
            write(out, "pustaka/PANDUAN.txt", "not an article");
            write(out, "lain/tidak-dibaca.md", "not under the location");
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            KnowledgeBase base = KnowledgeBase.loadFromClasspath(loader, "pustaka");

            assertThat(base.articles()).singleElement().satisfies(article -> {
                assertThat(article.id()).isEqualTo("dari-jar");
                assertThat(article.source()).isEqualTo("classpath:pustaka/dari-jar.md");
            });
        }
    }

    private static void write(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        if (content != null) {
            OutputStream stream = out;
            stream.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        out.closeEntry();
    }
}
