package id.rembug.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * All knowledge articles, loaded and validated together. Loading fails with an
 * {@link InvalidArticlesException} that lists every problem in every file, so a broken
 * article is caught by the build (a test loads the shipped set) rather than in the chat.
 */
public final class KnowledgeBase {

    /** Where the shipped articles live on the classpath. */
    public static final String DEFAULT_LOCATION = "articles";
    private static final String ARTICLE_SUFFIX = ".md";

    /** An article file's name and content, before parsing. */
    public record ArticleFile(String name, String content) {
    }

    private final List<Article> articles;
    private final Map<String, Article> byId;

    private KnowledgeBase(List<Article> articles) {
        this.articles = List.copyOf(articles);
        Map<String, Article> index = new LinkedHashMap<>();
        articles.forEach(article -> index.put(article.id(), article));
        this.byId = Collections.unmodifiableMap(index);
    }

    /** The articles shipped with the application (classpath {@code articles/*.md}). */
    public static KnowledgeBase loadDefault() {
        return loadFromClasspath(KnowledgeBase.class.getClassLoader(), DEFAULT_LOCATION);
    }

    /**
     * Every {@code *.md} resource under {@code location} (a folder on the classpath), whether
     * the classpath holds plain folders (IDE, tests) or jars (the packaged application).
     */
    public static KnowledgeBase loadFromClasspath(ClassLoader loader, String location) {
        return fromFiles(readClasspath(loader, location));
    }

    /** Every {@code *.md} file under {@code dir}, sub-folders included; other files are ignored. */
    public static KnowledgeBase load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a folder of articles: " + dir);
        }
        List<ArticleFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(KnowledgeBase::isArticleFile).sorted().toList()) {
                files.add(new ArticleFile(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read articles in " + dir, e);
        }
        return fromFiles(files);
    }

    /** Parses and validates the given files; the entry point for both loaders and for tests. */
    public static KnowledgeBase fromFiles(List<ArticleFile> files) {
        List<ArticleProblem> problems = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Map<String, String> firstFileById = new LinkedHashMap<>();
        for (ArticleFile file : files) {
            ArticleParser.Result result = ArticleParser.parse(file.name(), file.content());
            problems.addAll(result.problems());
            result.article().ifPresent(article -> {
                String earlier = firstFileById.putIfAbsent(article.id(), file.name());
                if (earlier != null) {
                    problems.add(new ArticleProblem(file.name(), result.idLine(),
                            "duplicate id '" + article.id() + "': " + earlier + " already uses it"));
                } else {
                    articles.add(article);
                }
            });
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ArticleProblem::file).thenComparingInt(ArticleProblem::line));
            throw new InvalidArticlesException(problems);
        }
        return new KnowledgeBase(articles);
    }

    public List<Article> articles() {
        return articles;
    }

    public Optional<Article> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The article explaining a stage of the method, by stage key (e.g. {@code arah}). */
    public Optional<Article> forStage(String stageKey) {
        return findById("tahap-" + stageKey);
    }

    /**
     * The article explaining a facilitator role (e.g. {@code advocate}): the {@code peran-*}
     * article that lists that role. Looked up by role rather than by id because the ids are
     * Indonesian words ({@code peran-advokat}) while role keys are English.
     */
    public Optional<Article> forRole(String role) {
        return articles.stream()
                .filter(article -> article.id().startsWith("peran-") && article.roles().contains(role))
                .findFirst();
    }

    private static boolean isArticleFile(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(ARTICLE_SUFFIX);
    }

    private static List<ArticleFile> readClasspath(ClassLoader loader, String location) {
        URL url = loader.getResource(location);
        if (url == null) {
            throw new IllegalStateException("no articles on the classpath at " + location);
        }
        try {
            if (url.getProtocol().equals("file")) {
                return readFolder(Path.of(url.toURI()), location);
            }
            return readJar(url, location, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read articles from " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read articles from " + url, e);
        }
    }

    private static List<ArticleFile> readFolder(Path dir, String location) throws IOException {
        List<ArticleFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(KnowledgeBase::isArticleFile).sorted().toList()) {
                String relative = dir.relativize(path).toString().replace('\\', '/');
                files.add(new ArticleFile("classpath:" + location + "/" + relative,
                        Files.readString(path, StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    /**
     * Lists the folder inside a jar, including Spring Boot's nested jars, whose URL handler
     * also hands out a {@link JarURLConnection}.
     */
    private static List<ArticleFile> readJar(URL url, String location, ClassLoader loader) throws IOException {
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IllegalStateException("cannot list articles at " + url);
        }
        JarFile jar = jarConnection.getJarFile();
        List<String> names = new ArrayList<>();
        try {
            String prefix = location + "/";
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(prefix) && entry.getName().endsWith(ARTICLE_SUFFIX)) {
                    names.add(entry.getName());
                }
            }
        } finally {
            if (!jarConnection.getUseCaches()) {
                jar.close();
            }
        }
        Collections.sort(names);
        List<ArticleFile> files = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("cannot open " + name);
                }
                files.add(new ArticleFile("classpath:" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }
}
