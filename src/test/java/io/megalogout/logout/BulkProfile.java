package io.megalogout.logout;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Bulks and SQS batches with {@value #CONCURRENCY} requests at a time, so that a test sees the bound at Mega-API's stub
 * with a handful of keys, and a confirmed logout's poll in milliseconds ({@link QuickConfirmProfile}'s settings).
 */
public class BulkProfile implements QuarkusTestProfile {

    public static final int CONCURRENCY = 2;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(new QuickConfirmProfile().getConfigOverrides());
        config.put("bulk.concurrency", String.valueOf(CONCURRENCY));
        return config;
    }
}
