package io.megalogout.logout;

/**
 * Mega-API's answer to a status read that kept to the contract: a 2xx status with {@code {"error": false, "instance":
 * {"status": string, ...}}}. {@code instanceJson} is the {@code instance} object's JSON text exactly as Mega-API sent
 * it, which dry runs and confirmed logouts pass on.
 *
 * @param httpStatus the HTTP status of the answer
 * @param status {@code instance.status}: {@code "connected"}, {@code "disconnected"}, or another value
 */
public record InstanceStatus(int httpStatus, String status, String instanceJson) {

    /** The one value that counts as disconnected; any other, including values never seen before, does not. */
    public static final String DISCONNECTED = "disconnected";

    public boolean disconnected() {
        return DISCONNECTED.equals(status);
    }
}
