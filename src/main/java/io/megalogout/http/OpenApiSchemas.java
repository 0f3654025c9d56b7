package io.megalogout.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.event.BulkLimitConfig;

/**
 * The shapes {@link LogoutResource}'s OpenAPI document gives the request and its answers. Nothing reads or writes these
 * records: the use case reads the body and writes the answers.
 */
final class OpenApiSchemas {

    private OpenApiSchemas() {
    }

    /** The request body. */
    record LogoutRequest(
            @Schema(description = "The instance to log out; or instanceKeys, never both", pattern = InstanceKey.PATTERN) String instanceKey,
            @Schema(description = "A bulk: the instances to log out, each distinct key once; at most bulk.max-keys ("
                    + BulkLimitConfig.DEFAULT_MAX_KEYS + ") strings. A key that breaks the rules is that key's result, not a"
                    + " failure of the bulk", minItems = 1, maxItems = BulkLimitConfig.DEFAULT_MAX_KEYS) List<String> instanceKeys,
            @Schema(description = "true: read the status and answer what a logout would send, never sending it. Needs"
                    + " this version: an older one ignores the field and logs out") Boolean dryRun,
            @Schema(description = "true: read the status before and after the logout, and answer only once it reads"
                    + " \"disconnected\" (not with dryRun)") Boolean confirm) {
    }

    /** A bulk's answer. */
    record BulkAnswer(
            @Schema(required = true, description = "One per distinct key, in the order given") List<KeyResult> results) {
    }

    /** One key's result in a bulk's answer: its answer, or its error. */
    record KeyResult(@Schema(required = true, description = "The key as the request wrote it") String instanceKey,
            @Schema(description = "What a request for this key alone would answer, in the bulk's mode", oneOf = {
                    MegaApiAnswer.class, DryRunAnswer.class, ConfirmedAnswer.class }) Object logout,
            @Schema(description = "When this key failed: the error's class, as a problem's errorType", example = "io.megalogout.error.UnknownInstanceException") String errorType,
            @Schema(description = "When this key failed: what happened, as a problem's detail") String errorMessage){
    }

    /** Mega-API's answer; any other fields are passed on too. */
    record MegaApiAnswer(@Schema(required = true) boolean error, @Schema(required = true) String message) {
    }

    /** A dry run's answer. */
    record DryRunAnswer(@Schema(required = true, enumeration = "true") boolean dryRun,
            @Schema(required = true, example = "DELETE https://apinocode01.megaapi.com.br/rest/instance/demo/logout") String wouldSend,
            @Schema(required = true, description = "Mega-API's instance object, as sent") Map<String, Object> instance) {
    }

    /** A confirmed logout's answer. */
    record ConfirmedAnswer(@Schema(required = true, enumeration = {
            "LOGGED_OUT", "ALREADY_DISCONNECTED" }) String outcome,
            @Schema(required = true, enumeration = "true") boolean confirmed,
            @Schema(description = "Mega-API's answer to the logout, as sent; absent when none was sent") MegaApiAnswer logout,
            @Schema(required = true, description = "Mega-API's instance object from the last status read, as sent") Map<String, Object> instance){
    }
}
