package io.megalogout.http;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A shell command as a document gives it: the first command of the fenced block right after a marker comment
 * ({@code <!-- marker ... -->}), its continued lines joined, run by bash with the variables the document expects.
 */
final class DocumentedCommand {

    private DocumentedCommand() {
    }

    static String in(Path document, String marker) throws IOException {
        List<String> lines = Files.readAllLines(document);
        int at = 0;
        while (at < lines.size() && !lines.get(at).startsWith("<!-- " + marker + " ")) {
            at++;
        }
        if (at + 1 >= lines.size() || !lines.get(at + 1).equals("```")) {
            throw new AssertionError("no marker <!-- " + marker + " ... --> followed by a fence in " + document);
        }
        StringBuilder command = new StringBuilder();
        for (int i = at + 2; i < lines.size() && !lines.get(i).equals("```"); i++) {
            String line = lines.get(i);
            if (!line.endsWith("\\")) {
                return command.append(line.strip()).toString();
            }
            command.append(line, 0, line.length() - 1).append(' ');
        }
        throw new AssertionError("no command after the marker " + marker + " in " + document);
    }

    /** Runs a command in bash with these variables set, and returns its output; an unset variable fails it. */
    static String run(String command, Map<String, String> variables, Path scratch)
            throws IOException, InterruptedException {
        return run(command, variables, scratch, Path.of(""));
    }

    /** {@link #run(String, Map, Path)} in this working directory, where the command's relative paths are. */
    static String run(String command, Map<String, String> variables, Path scratch, Path directory)
            throws IOException, InterruptedException {
        File errors = Files.createTempFile(scratch, "stderr", ".txt").toFile();
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).redirectError(errors)
                .directory(directory.toAbsolutePath().toFile());
        bash.environment().putAll(variables);
        Process process = bash.start();
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("`" + command + "` failed (kubectl is needed on the PATH, as .ci/run checks): "
                    + Files.readString(errors.toPath()));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
