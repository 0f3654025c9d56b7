package io.megalogout.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceIdTest {

    @Test
    void takesTheRootOfLambdasTraceHeader() {
        assertThat(TraceId.root("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"))
                .contains("1-5759e988-bd862e3fe1be46a994272793");
        assertThat(TraceId.root("Sampled=0;Root=1-5759e988-bd862e3fe1be46a994272793"))
                .contains("1-5759e988-bd862e3fe1be46a994272793");
    }

    @Test
    void givesNoIdWithoutAWellFormedRoot() {
        assertThat(TraceId.root(null)).isEmpty();
        assertThat(TraceId.root("")).isEmpty();
        assertThat(TraceId.root("Parent=53995c3f42cd8ad8;Sampled=1")).isEmpty();
        assertThat(TraceId.root("Root=1-5759e988-bd862e3fe1be46a99427279\" outcome=LOGGED_OUT")).isEmpty();
        assertThat(TraceId.root("XRoot=1-5759e988-bd862e3fe1be46a994272793")).isEmpty();
    }
}
