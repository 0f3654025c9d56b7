package io.megalogout.error;

/**
 * Mega-API answered something that is not its contract: a body that is not {@code {"error": boolean, "message":
 * string}}, a redirect (never followed), or a status the contract does not explain.
 */
public final class MegaApiContractException extends LogoutFailure {

    public MegaApiContractException(String instanceKey, int status, String what) {
        super("Mega-API answered instance '" + instanceKey + "' with HTTP " + status + " outside its contract: " + what,
                instanceKey, status, null);
    }
}
