package io.megalogout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The documents link to each other and to the code by relative paths and heading anchors, which break silently when a
 * file moves or a heading is reworded. This resolves every relative link as GitHub does, and lists each one that leads
 * nowhere. The README stays a front page: short, with the two set-up commands at its top.
 */
class DocumentLinksTest {

    static final Path README = Path.of("README.md");
    static final List<String> SET_UP_COMMANDS = List.of("./mvnw quarkus:dev",
            "./mvnw verify && ./mvnw verify -Pkubernetes");

    /** An inline link or image: [text](target) or [text](target "title"). */
    private static final Pattern INLINE_LINK = Pattern
            .compile("\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    /** A reference definition: [label]: target. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s+(\\S+)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (Link link : links(Files.readAllLines(document))) {
                String problem = problem(document, link.target());
                if (problem != null) {
                    broken.add(document + ":" + link.line() + ": " + link.target() + " (" + problem + ")");
                }
            }
        }
        assertThat(broken).as("relative links that lead nowhere").isEmpty();
    }

    @Test
    void readmeIsAFrontPage() throws IOException {
        List<String> lines = Files.readAllLines(README);
        assertThat(lines).as("README.md: a front page of at most 250 lines").hasSizeLessThanOrEqualTo(250);

        boolean[] fenced = fenced(lines);
        List<String> codeLinesOfTheFirst30 = new ArrayList<>();
        for (int i = 0; i < Math.min(30, lines.size()); i++) {
            if (fenced[i] && !FENCE.matcher(lines.get(i)).find()) {
                codeLinesOfTheFirst30.add(lines.get(i).strip());
            }
        }
        assertThat(codeLinesOfTheFirst30).as("code lines in the README's first 30 lines").containsAll(SET_UP_COMMANDS);
    }

    @Test
    void slugsFollowGitHubsRule() {
        Map<String, Integer> seen = new HashMap<>();
        assertThat(slug("Modes: plain, dry run, confirmed", seen)).isEqualTo("modes-plain-dry-run-confirmed");
        assertThat(slug("The HTTP door's deadline and load", seen)).isEqualTo("the-http-doors-deadline-and-load");
        assertThat(slug("6. From a queue", seen)).isEqualTo("6-from-a-queue");
        assertThat(slug("The packaged function: `PackagedFunctionFuzzIT`", seen))
                .isEqualTo("the-packaged-function-packagedfunctionfuzzit");
        assertThat(slug("Errors", seen)).isEqualTo("errors");
        assertThat(slug("Errors", seen)).isEqualTo("errors-1");
        assertThat(slug("Errors", seen)).isEqualTo("errors-2");
    }

    /** README.md, every docs/*.md and every README.md under infra/. */
    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(README);
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        try (Stream<Path> infra = Files.walk(Path.of("infra"))) {
            infra.filter(path -> path.getFileName().toString().equals("README.md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    record Link(int line, String target) {
    }

    /**
     * The links of a document outside fenced code and code spans: inline links and images (their text may run over
     * several lines) and reference definitions, each with the line it starts on.
     */
    static List<Link> links(List<String> lines) {
        boolean[] fenced = fenced(lines);
        List<Link> links = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> lineStarts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = fenced[i] ? "" : CODE_SPAN.matcher(lines.get(i)).replaceAll("");
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.find()) {
                links.add(new Link(i + 1, definition.group(1)));
            }
            lineStarts.add(text.length());
            text.append(line).append('\n');
        }
        Matcher link = INLINE_LINK.matcher(text);
        while (link.find()) {
            int line = 0;
            while (line + 1 < lineStarts.size() && lineStarts.get(line + 1) <= link.start()) {
                line++;
            }
            links.add(new Link(line + 1, link.group(1)));
        }
        return links;
    }

    /**
     * Why a link from the document leads nowhere, or null when it resolves or leaves for the web (http, https, mailto).
     * Any other scheme, or a path from the root, is refused: the documents link by relative paths.
     */
    static String problem(Path document, String rawTarget) {
        String target = rawTarget.startsWith("<") && rawTarget.endsWith(">")
                ? rawTarget.substring(1, rawTarget.length() - 1)
                : rawTarget;
        if (target.isEmpty()) {
            return "empty";
        }
        if (target.matches("(?i)(https?|mailto):.*")) {
            return null;
        }
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*") || target.startsWith("/")) {
            return "not a relative link";
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.resolveSibling(decoded(file)).normalize();
        if (!Files.exists(resolved)) {
            return "no such file: " + resolved;
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return null; // an anchor into code (#L10) is GitHub's, not a heading
        }
        if (!anchors(resolved).contains(decoded(anchor))) {
            return "no heading with the anchor #" + anchor + " in " + resolved;
        }
        return null;
    }

    /** The anchors GitHub gives the headings of a Markdown file, in order. */
    static Set<String> anchors(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean[] fenced = fenced(lines);
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher heading = HEADING.matcher(lines.get(i));
            if (!fenced[i] && heading.matches()) {
                anchors.add(slug(heading.group(1), seen));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: the heading's text (a link counts by its text) in lower case, without characters other
     * than letters, digits, spaces, hyphens and underscores, spaces turned into hyphens; a repeated one gets -1, -2...
     */
    static String slug(String heading, Map<String, Integer> seen) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        String base = slug.toString();
        int count = seen.merge(base, 1, Integer::sum) - 1;
        return count == 0 ? base : base + "-" + count;
    }

    /** Which lines are fenced code, the fences included. */
    static boolean[] fenced(List<String> lines) {
        boolean[] fenced = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher fence = FENCE.matcher(lines.get(i));
            boolean isFence = fence.find();
            fenced[i] = open != null || isFence;
            if (isFence && open == null) {
                open = fence.group(1);
            } else if (isFence && lines.get(i).strip().matches(Pattern.quote(open) + "[`~]*")) {
                open = null;
            }
        }
        return fenced;
    }

    /** A link's percent-encoded path or anchor, decoded ('+' stays a plus, as in a URL path). */
    static String decoded(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
