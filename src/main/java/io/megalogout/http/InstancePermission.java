package io.megalogout.http;

import java.security.Permission;
import java.util.Objects;

/**
 * Quarkus Security's unit of authorization here: a caller is granted the permission of its {@link InstancePatterns}
 * (by {@link CallerPermissions}), and each instance key is asked for as the permission of that one key; the granted
 * one implies the asked one when a pattern matches. Asked per key by {@link KeyScopes}, so that a bulk's keys are
 * decided one by one.
 */
final class InstancePermission extends Permission {

    /** The name of the permission to use the logout route at all, which every caller is granted. */
    static final String LOGOUT = "logout";

    private final transient InstancePatterns granted;
    private final String instanceKey;

    private InstancePermission(InstancePatterns granted, String instanceKey) {
        super("instance");
        this.granted = granted;
        this.instanceKey = instanceKey;
    }

    /** What a caller holds. */
    static InstancePermission granted(InstancePatterns patterns) {
        return new InstancePermission(patterns, null);
    }

    /** What acting on {@code instanceKey} needs. */
    static InstancePermission toActOn(String instanceKey) {
        return new InstancePermission(null, Objects.requireNonNull(instanceKey));
    }

    @Override
    public boolean implies(Permission permission) {
        return granted != null && permission instanceof InstancePermission asked && asked.instanceKey != null
                && granted.matches(asked.instanceKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InstancePermission that && Objects.equals(granted, that.granted)
                && Objects.equals(instanceKey, that.instanceKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(granted, instanceKey);
    }

    @Override
    public String getActions() {
        return "";
    }
}
