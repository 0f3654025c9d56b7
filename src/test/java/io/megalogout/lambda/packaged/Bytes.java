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

    /**
     * Whether the bytes are UTF-8: RFC 3629's syntax (section 4) written out, so that the test's verdict does not come
     * from the decoder the function uses.
     */
    static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int lead = bytes[i] & 0xff;
            int continuations;
            int secondMin = 0x80;
            int secondMax = 0xbf;
            if (lead < 0x80) {
                continuations = 0;
            } else if (lead >= 0xc2 && lead <= 0xdf) {
                continuations = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                continuations = 2;
                secondMin = lead == 0xe0 ? 0xa0 : 0x80; // E0 80..9F would be overlong
                secondMax = lead == 0xed ? 0x9f : 0xbf; // ED A0..BF would be a surrogate
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                continuations = 3;
                secondMin = lead == 0xf0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                secondMax = lead == 0xf4 ? 0x8f : 0xbf; // F4 90.. would be above U+10FFFF
            } else {
                return false; // 80..C1 (a continuation or an overlong lead) and F5..FF never start a character
            }
            if (i + continuations >= bytes.length) {
                return false;
            }
            for (int k = 1; k <= continuations; k++) {
                int b = bytes[i + k] & 0xff;
                if (b < (k == 1 ? secondMin : 0x80) || b > (k == 1 ? secondMax : 0xbf)) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
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
