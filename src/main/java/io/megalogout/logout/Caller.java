package io.megalogout.logout;

/**
 * Who asked, as the door vouches for it: the name every log line of the request carries ({@code caller=<name>}), and
 * the instances it may act on. A key outside the scope is refused with {@code InstanceNotAllowedException} before it is
 * routed or sent.
 *
 * @param name a configured caller's name on the HTTP door; {@code lambda} or {@code sqs:<SenderId>} on Lambda. Never a
 *        key or a secret
 */
public record Caller(String name, InstanceScope scope) {

    /** A caller that may act on every instance. */
    public static Caller unscoped(String name) {
        return new Caller(name, InstanceScope.EVERY);
    }
}
