package io.megalogout.megaapi.targets;

import io.megalogout.logout.Deadline;

/** Where the instances' JSON comes from ({@link InstancesSource}): a file or a secret. */
interface InstancesReader {

    /** The source, for messages: {@code secret '<id>'} or {@code file '<path>'}; never a value. */
    String name();

    /** @throws TokenReadException when it cannot be read before the deadline */
    String read(Deadline deadline);
}
