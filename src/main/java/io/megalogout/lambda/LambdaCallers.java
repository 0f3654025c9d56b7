package io.megalogout.lambda;

import java.util.regex.Pattern;

import io.megalogout.logout.Caller;

/**
 * Who asked, on Lambda: IAM decides who may invoke the function or send to its queue, so every caller may act on every
 * instance this function serves, and the name is for the audit trail. A direct invocation is {@code lambda}; a queued
 * message is {@code sqs:<SenderId>}, the IAM principal that sent it, as SQS reports it.
 */
final class LambdaCallers {

    /** A direct invocation: the identity behind it is in CloudTrail, not in the event. */
    static final Caller DIRECT = Caller.unscoped("lambda");
    /**
     * An IAM user's or role's unique id, a role's with {@code :<session name>} ({@code [\w+=,.@-]}, up to 64): bounded,
     * and without the {@code =} and spaces that would let it pass for another field of a log line.
     */
    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9_+,.@:-]{1,160}");

    private LambdaCallers() {
    }

    /** The sender of a queued message, from its {@code attributes.SenderId}: {@code sqs:-} when missing or not sane. */
    static Caller sender(String senderId) {
        return Caller.unscoped("sqs:" + (senderId != null && SENDER_ID.matcher(senderId).matches() ? senderId : "-"));
    }
}
