package io.megalogout.error;

/**
 * This deployment has no complete Mega-API settings for the instance: no base URL for it (neither its own
 * {@code megaapi.instances."<key>".base-url} nor {@code megaapi.base-url}), or no token it may send there (neither its
 * own {@code megaapi.instances."<key>".token} nor, for an instance without a host of its own, the default token).
 * Nothing was sent anywhere: a logout never goes out with another instance's host or token.
 */
public final class InstanceNotConfiguredException extends LogoutFailure {

    /** @param missing what is missing and which property, variable or secret entry to set; never a value */
    public InstanceNotConfiguredException(String instanceKey, String missing) {
        super("Instance '" + instanceKey + "' is not configured in this deployment: " + missing + "; nothing was sent",
                instanceKey, null, null);
    }
}
