package io.megalogout;

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

/** What the link check needs of Markdown as GitHub renders it: links outside code, heading anchors, fenced lines. */
final class Markdown {

    /** An inline link or image: [text](target) or [text](target "title"). */
    private static final Pattern INLINE_LINK = Pattern
            .compile("\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    /** A reference definition: [label]: target. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s+(\\S+)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private Markdown() {
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
