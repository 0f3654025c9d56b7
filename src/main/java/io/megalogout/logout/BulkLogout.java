package io.megalogout.logout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.megalogout.json.CompactJson;
import io.megalogout.logout.event.LogoutEvent;
import io.megalogout.logout.event.Mode;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Many keys in one invocation: a bulk event's, or every key of an SQS batch's messages. Each distinct key is one request
 * of its own ({@link KeyLogout}: its own checks, result and log line), so one key's failure never hides another's result;
 * they run {@code bulk.concurrency} at once ({@link Turns}) and share the invocation's deadline.
 */
@Singleton
class BulkLogout {

    private final KeyLogout key;
    private final int concurrency;
    private final WorkerContext context;

    @Inject
    BulkLogout(KeyLogout key, BulkConfig config, Instance<WorkerContext> contexts) {
        this(key, config, contexts.isResolvable() ? contexts.get() : WorkerContext.NONE);
    }

    BulkLogout(KeyLogout key, BulkConfig config, WorkerContext context) {
        if (config.concurrency() < 1) {
            throw new ConfigurationException("bulk.concurrency must be at least 1", Set.of("bulk.concurrency"));
        }
        this.key = key;
        this.concurrency = config.concurrency();
        this.context = context;
    }

    /** One key's request within the invocation. */
    record Job(Origin origin, String instanceKey, Mode mode) {
    }

    /**
     * The requests an event makes: its one key; or, for a bulk, each distinct key once, in the order of its first
     * mention, each line saying its place ({@code bulk=3/10}).
     */
    static List<Job> jobs(Origin origin, LogoutEvent event) {
        if (!event.bulk()) {
            return List.of(new Job(origin, event.instanceKey(), event.mode()));
        }
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(event.instanceKeys()));
        List<Job> jobs = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            jobs.add(new Job(origin.inBulk(i + 1, distinct.size()), distinct.get(i), event.mode()));
        }
        return jobs;
    }

    /** Each job's result, in the jobs' order, all before the deadline; jobs whose turn comes too late send nothing. */
    List<KeyResult> run(List<Job> jobs, Deadline deadline) {
        return new Turns(concurrency, context).run(jobs,
                job -> result(job, () -> key.run(job.origin(), job.instanceKey(), job.mode(), deadline)),
                job -> result(job, () -> key.tooLate(job.origin(), job.instanceKey(), job.mode(), concurrency)),
                deadline);
    }

    /** {@code {"results": [<one per job, in order>]}}: see {@link KeyResult#writeTo}. */
    static String answer(List<KeyResult> results) {
        return CompactJson.write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("results");
            for (KeyResult result : results) {
                result.writeTo(json);
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static KeyResult result(Job job, Supplier<LogoutResult> request) {
        try {
            return KeyResult.answered(job.instanceKey(), request.get());
        } catch (RuntimeException failure) {
            // One of ours, or a defect: either is already in the key's log line, and the other keys go on.
            return KeyResult.failed(job.instanceKey(), failure);
        }
    }
}
