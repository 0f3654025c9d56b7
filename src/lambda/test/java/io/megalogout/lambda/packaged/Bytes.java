package io.megalogout.lambda.packaged;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Byte-level helpers of the fuzz test. */
final class Bytes {

    private Bytes() {
    }

    static byte[] of(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** {@code bytes} with {@code remove} bytes at {@code at} replaced by {@code insert}. */
    static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
        out.write(bytes, 0, at);
        out.writeBytes(insert);
        out.write(bytes, at + remove, bytes.length - at - remove);
        return out.toByteArray();
    }

    static int indexOf(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first {@code limit} bytes as a Java-like literal: printable ASCII as is, anything else as \\xNN. */
    static String printable(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < Math.min(limit, bytes.length); i++) {
            int b = bytes[i] & 0xff;
            if (b == '"' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02X", b));
            }
        }
        return out.append(bytes.length > limit ? "\"... (" + (bytes.length - limit) + " more bytes)" : "\"").toString();
    }
}
