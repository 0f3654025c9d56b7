package io.megalogout;

/**
 * The rules docs/contract.md documents for an event, written out independently of the production code, for the tests
 * that judge what the function did: the instance key rule and UTF-8 (RFC 3629).
 */
public final class DocumentedRules {

    /** The characters a valid key may start with, and the ones it may hold. */
    public static final String KEY_START = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    public static final String KEY_CHARS = KEY_START + ".";
    public static final int MAX_KEY_LENGTH = 128;

    private DocumentedRules() {
    }

    /** The documented key rule, written out: 1 to 128 of A-Z a-z 0-9 . _ -, not starting with '.', without "..". */
    public static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.charAt(0) == '.' || key.contains("..")) {
            return false;
        }
        return key.chars().allMatch(c -> KEY_CHARS.indexOf(c) >= 0);
    }

    /**
     * Whether the bytes are UTF-8: RFC 3629's syntax (section 4) written out, so that the test's verdict does not come
     * from the decoder the function uses.
     */
    public static boolean isUtf8(byte[] bytes) {
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
}
