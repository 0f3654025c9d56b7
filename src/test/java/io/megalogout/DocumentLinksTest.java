package io.megalogout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (Markdown.Link link : Markdown.links(Files.readAllLines(document))) {
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

        boolean[] fenced = Markdown.fenced(lines);
        List<String> codeLinesOfTheFirst30 = new ArrayList<>();
        for (int i = 0; i < Math.min(30, lines.size()); i++) {
            if (fenced[i] && !Markdown.FENCE.matcher(lines.get(i)).find()) {
                codeLinesOfTheFirst30.add(lines.get(i).strip());
            }
        }
        assertThat(codeLinesOfTheFirst30).as("code lines in the README's first 30 lines").containsAll(SET_UP_COMMANDS);
    }

    @Test
    void slugsFollowGitHubsRule() {
        Map<String, Integer> seen = new HashMap<>();
        assertThat(Markdown.slug("Modes: plain, dry run, confirmed", seen)).isEqualTo("modes-plain-dry-run-confirmed");
        assertThat(Markdown.slug("The HTTP door's deadline and load", seen)).isEqualTo("the-http-doors-deadline-and-load");
        assertThat(Markdown.slug("6. From a queue", seen)).isEqualTo("6-from-a-queue");
        assertThat(Markdown.slug("The packaged function: `PackagedFunctionFuzzIT`", seen))
                .isEqualTo("the-packaged-function-packagedfunctionfuzzit");
        assertThat(Markdown.slug("Errors", seen)).isEqualTo("errors");
        assertThat(Markdown.slug("Errors", seen)).isEqualTo("errors-1");
        assertThat(Markdown.slug("Errors", seen)).isEqualTo("errors-2");
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
        Path resolved = file.isEmpty() ? document : document.resolveSibling(Markdown.decoded(file)).normalize();
        if (!Files.exists(resolved)) {
            return "no such file: " + resolved;
        }
        if (anchor == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md")) {
            return null; // an anchor into code (#L10) is GitHub's, not a heading
        }
        if (!Markdown.anchors(resolved).contains(Markdown.decoded(anchor))) {
            return "no heading with the anchor #" + anchor + " in " + resolved;
        }
        return null;
    }

}
