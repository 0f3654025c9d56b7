package io.megalogout.error;

/**
 * The caller may not act on this instance: its key is outside the instances the caller's door lets it reach (on the
 * HTTP door, {@code http.callers.<name>.instances}). Decided before anything else about the instance, so the answer is
 * the same whether this deployment serves the instance, does not, or Mega-API does not know it. Nothing was sent: no
 * logout, no status read.
 */
public final class InstanceNotAllowedException extends LogoutFailure {

    public InstanceNotAllowedException(String instanceKey) {
        super("This caller may not log out or read instance '" + instanceKey + "'; nothing was sent", instanceKey, null,
                null);
    }
}
