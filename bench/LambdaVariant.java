import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One function as the bench runs it: a task root, its handler, what this row adds to Lambda's JVM flags and to the
 * function's environment, and where its token secret is served from ({@link TokenSecrets}' name, or "" for
 * MEGAAPI_TOKEN in the environment). bench/run's LAMBDA_ROWS become variants of our function.zip.
 */
record LambdaVariant(String name, Path taskRoot, String handler, List<String> extraJvmFlags, Map<String, String> extraEnv,
        String tokenSecret) {

    LambdaVariant(String name, Path taskRoot, String handler, List<String> extraJvmFlags, Map<String, String> extraEnv) {
        this(name, taskRoot, handler, extraJvmFlags, extraEnv, "");
    }

    /**
     * Parses bench/run's "label|JVM flags|ENV=value ENV=value|token secret|task root" (flags and variables
     * space-separated; all but the label may be empty; the fourth field, sdk or extension, and the fifth, another
     * build's unpacked function.zip instead of {@code taskRoot}, may be left out).
     */
    static LambdaVariant parse(String spec, Path taskRoot, String handler) {
        String[] parts = (spec + "||||").split("\\|", -1);
        List<String> flags = parts[1].isBlank() ? List.of() : List.of(parts[1].trim().split("\\s+"));
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (!parts[2].isBlank()) {
            for (String assignment : parts[2].trim().split("\\s+")) {
                int eq = assignment.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("not NAME=value in the row '" + spec + "': " + assignment);
                }
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
        }
        Path root = parts[4].isBlank() ? taskRoot : Path.of(parts[4].trim());
        return new LambdaVariant(parts[0].trim(), root, handler, flags, env, parts[3].trim());
    }

    /** This variant with {@code more} added to its environment (the row's own variables win). */
    LambdaVariant withEnv(Map<String, String> more) {
        Map<String, String> env = new java.util.LinkedHashMap<>(more);
        env.putAll(extraEnv);
        return new LambdaVariant(name, taskRoot, handler, extraJvmFlags, env, tokenSecret);
    }
}
