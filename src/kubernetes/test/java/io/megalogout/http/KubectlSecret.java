package io.megalogout.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Secret;

/** A Secret as {@code kubectl ... --dry-run=client -o yaml} writes it, for the tests of the documented commands. */
final class KubectlSecret {

    private KubectlSecret() {
    }

    static Secret read(String yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(yaml, Secret.class);
    }

    /** Its keys and their values, decoded, sorted by key. */
    static Map<String, String> data(Secret secret) {
        Map<String, String> data = new TreeMap<>();
        secret.getData().forEach((key, value) -> data.put(key,
                new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        return data;
    }
}
