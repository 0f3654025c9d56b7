package io.megalogout.megaapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * How many requests Mega-API's stub was serving at once, at most, worked out from when each request arrived and how long
 * its answer took (WireMock's serve events, millisecond resolution). Meant for answers with a fixed delay much longer
 * than a millisecond: an answer that ends in the same millisecond as the next request arrives counts as ended.
 */
public final class InFlight {

    private InFlight() {
    }

    public static int most(WireMockServer megaApi) {
        record Edge(long at, int change) {
        }
        List<Edge> edges = new ArrayList<>();
        for (ServeEvent event : megaApi.getAllServeEvents()) {
            long arrived = event.getRequest().getLoggedDate().getTime();
            edges.add(new Edge(arrived, +1));
            edges.add(new Edge(arrived + event.getTiming().getTotalTime(), -1));
        }
        // Ends before starts at the same millisecond.
        edges.sort(Comparator.comparingLong(Edge::at).thenComparingInt(Edge::change));
        int now = 0;
        int most = 0;
        for (Edge edge : edges) {
            now += edge.change();
            most = Math.max(most, now);
        }
        return most;
    }
}
