import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A live process's peak resident set (VmHWM in /proc/pid/status, Linux only), in MiB. */
final class PeakRss {

    private PeakRss() {
    }

    static double mib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmHWM for process " + pid);
    }
}
