package io.megalogout.megaapi.targets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.megalogout.logout.Deadline;

/**
 * The instances in a file ({@code megaapi.instances-file}): on Kubernetes, the Secret key {@code instances.json} that
 * the base manifests mount, optional. No file means no instances listed (a single-tenant deployment has none); a file
 * that cannot be read, is larger than {@value #MAX_BYTES} bytes or is not UTF-8 is a failed read.
 */
record InstancesFile(Path path) implements InstancesReader {

    /** Far more than thousands of instances take: a file this large is not an instances file. */
    static final int MAX_BYTES = 1 << 20;

    @Override
    public String name() {
        return "file '" + path + "'";
    }

    @Override
    public String read(Deadline deadline) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TokenReadException(name() + " is larger than " + MAX_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException absent) {
            return "{}";
        } catch (CharacterCodingException notUtf8) {
            throw new TokenReadException(name() + " is not UTF-8");
        } catch (IOException unreadable) {
            throw new TokenReadException(name() + " cannot be read (" + unreadable.getClass().getSimpleName() + ")");
        }
    }
}
