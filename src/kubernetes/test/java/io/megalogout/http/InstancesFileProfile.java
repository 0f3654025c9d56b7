package io.megalogout.http;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The instances listed in a file, as the Kubernetes manifests mount it, read again for every request that asks (no
 * wait between reads, a copy trusted 1 ms): what the defaults (5 s, 5 minutes) do later, at once.
 */
public class InstancesFileProfile implements QuarkusTestProfile {

    /** Under target/, where the test writes it; no file at first: no instances listed. */
    static final Path FILE = Path.of("target", "instances-file-test", "instances.json").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.instances-file", FILE.toString(), "megaapi.instances-recheck-ms", "0",
                "megaapi.instances-max-age-ms", "1");
    }
}
