package io.megalogout.logout;

/**
 * Mega-API's answer to a logout that kept to the contract: a 2xx status with {@code {"error": boolean, "message":
 * string}}. {@code json} is the body exactly as Mega-API sent it (extra fields included), and is what both doors
 * return. A 2xx with {@code "error": true} is still an answer, not a failure: Mega-API reports some failures that way.
 */
public record LogoutAnswer(int status, boolean error, String message, String json) {
}
