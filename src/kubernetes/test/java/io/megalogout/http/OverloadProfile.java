package io.megalogout.http;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** One logout in flight and one waiting, so that a test can fill the door with three requests. */
public class OverloadProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        String bulkhead = "quarkus.fault-tolerance.\"io.megalogout.http.LogoutSlots/run\".bulkhead.";
        return Map.of(bulkhead + "value", "1", bulkhead + "waiting-task-queue", "1");
    }
}
