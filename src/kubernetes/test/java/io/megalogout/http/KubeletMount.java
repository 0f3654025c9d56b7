package io.megalogout.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Secret's keys as the kubelet's atomic writer mounts them: the files in a hidden directory named after the time,
 * {@code ..data} a link to it, and each key a link into {@code ..data}.
 */
final class KubeletMount {

    private KubeletMount() {
    }

    /** Mounts these keys and values in a new directory {@code mount} under {@code scratch}, and returns it. */
    static Path of(Map<String, String> data, Path scratch) throws IOException {
        Path mount = Files.createDirectory(scratch.resolve("mount"));
        Path version = Files.createDirectory(mount.resolve("..2026_01_01_00_00_00.123456789"));
        Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
        List<Path> links = new ArrayList<>();
        for (Map.Entry<String, String> entry : data.entrySet()) {
            Files.writeString(version.resolve(entry.getKey()), entry.getValue());
            links.add(Files.createSymbolicLink(mount.resolve(entry.getKey()), Path.of("..data", entry.getKey())));
        }
        assertThat(links).allMatch(Files::isRegularFile);
        return mount;
    }
}
