package io.megalogout.lambda.packaged;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.megalogout.lambda.packaged.EventOracle.Confirmed;
import io.megalogout.lambda.packaged.EventOracle.DryRun;
import io.megalogout.lambda.packaged.EventOracle.Expected;
import io.megalogout.lambda.packaged.EventOracle.LoggedOut;
import io.megalogout.lambda.packaged.EventOracle.Rejected;
import io.megalogout.lambda.packaged.EventOracle.Result;

/**
 * Which instances the fuzzed function lists in its instances file: three keys in four, by the key alone (so a key is
 * listed in every case or in none), each with an empty entry, {@code {}}: the default host and token. A valid key left
 * out is refused, {@code InstanceNotConfiguredException}, with nothing sent. Each case writes the file with its own
 * listed keys, before the function reads it again for a key its copy does not list.
 */
final class Listing {

    static final String NOT_CONFIGURED = "io.megalogout.error.InstanceNotConfiguredException";

    private Listing() {
    }

    static boolean listed(String key) {
        return Math.floorMod(key.hashCode(), 4) != 0;
    }

    /** What the oracle expects, with each unlisted key's logout, dry run or confirmed logout refused instead. */
    static Expected expected(Expected oracle) {
        if (oracle.allowed().isEmpty()) {
            return oracle;
        }
        Set<Result> allowed = new HashSet<>();
        for (Result result : oracle.allowed()) {
            allowed.add(key(result) == null || listed(key(result)) ? result : new Rejected(NOT_CONFIGURED));
        }
        return new Expected(Set.copyOf(allowed));
    }

    /** Writes the file with the listed keys the case may send, atomically, as a Secret's mount changes. */
    static void write(Path file, Expected oracle) throws IOException {
        Set<String> keys = oracle.allowed().stream().map(Listing::key).filter(key -> key != null && listed(key))
                .collect(Collectors.toCollection(TreeSet::new));
        String json = keys.stream().map(key -> "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(key))
                + "\": {}").collect(Collectors.joining(", ", "{", "}"));
        Path next = file.resolveSibling("instances.json.next");
        Files.writeString(next, json);
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String key(Result result) {
        return switch (result) {
            case LoggedOut loggedOut -> loggedOut.key();
            case DryRun dryRun -> dryRun.key();
            case Confirmed confirmed -> confirmed.key();
            case Rejected rejected -> null;
        };
    }
}
