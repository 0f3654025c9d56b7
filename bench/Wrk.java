import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load at a fixed 32 connections with wrk (a C load generator, so that the load does not compete with the measured JVM
 * for JIT time the way a Java one would; both still share the 2 cores). Fails when any answer is not 2xx or a socket
 * errs: figures from a broken run are not figures.
 */
final class Wrk {

    static final int CONNECTIONS = 32;

    record Result(double requestsPerSecond, double p50Ms, double p99Ms) {
    }

    private Wrk() {
    }

    static boolean installed() {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs wrk with a Lua script that sets the method, headers and body, and parses its --latency report. */
    static Result run(String url, String lua, int seconds, Path workDir) throws Exception {
        Path script = Files.createTempFile(workDir, "wrk-", ".lua");
        Files.writeString(script, lua);
        // --timeout 30s: wrk's default (2 s) would count a cold door's slow answers as socket errors; they are latency.
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout", "30s",
                "--latency", "-s", script.toString(), url).redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0 || report.contains("Non-2xx") || report.contains("Socket errors")) {
            throw new IllegalStateException("wrk against " + url + " failed or saw errors:\n" + report);
        }
        return new Result(number(report, "Requests/sec:\\s+([0-9.]+)"), latency(report, "50%"), latency(report, "99%"));
    }

    private static double latency(String report, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's report:\n" + report);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String report, String regex) {
        Matcher m = Pattern.compile(regex).matcher(report);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in wrk's report:\n" + report);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A wrk script: the method, an optional body (no single quotes in it) and "Name: value" headers. */
    static String lua(String method, String body, List<String> headers) {
        StringBuilder lua = new StringBuilder("wrk.method = \"" + method + "\"\n");
        if (body != null) {
            lua.append("wrk.body = '").append(body).append("'\n");
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            lua.append("wrk.headers[\"").append(header, 0, colon).append("\"] = \"")
                    .append(header.substring(colon + 1).trim()).append("\"\n");
        }
        return lua.toString();
    }
}
