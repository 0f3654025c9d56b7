package io.megalogout.logout;

/**
 * The instances a caller may act on, as its door decides it (the HTTP door asks Quarkus Security, per key). Asked once
 * for every valid key, before anything else is done with it.
 */
@FunctionalInterface
public interface InstanceScope {

    /** Every instance: for a door whose callers are fenced outside this code (Lambda: IAM and the queue's policy). */
    InstanceScope EVERY = key -> true;

    boolean allows(InstanceKey key);
}
