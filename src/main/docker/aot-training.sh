#!/bin/sh
# A training run for the JDK's AOT cache (JEP 483/514, JDK 25), run by Dockerfile.jvm inside the image, with the
# image's own JDK: a cache only works with the JVM that made it. Starts the door from the current directory
# (target/quarkus-app, or /deployments in the image) with -XX:AOTCacheOutput, exercises what a request goes through
# (the API key check, the event reader, the REST client toward a Mega-API that refuses the connection, problem answers,
# health and metrics), stops it with SIGTERM, and leaves app.aot beside quarkus-run.jar.
# Nothing reaches a real Mega-API, and the values below are placeholders that exist only for this run.
set -eu

export MEGAAPI_BASE_URL=http://127.0.0.1:9
export MEGAAPI_ALLOW_PLAIN_HTTP=true
export MEGAAPI_TOKEN=aot-training-placeholder
export HTTP_API_KEYS=aot-training-placeholder-key
export QUARKUS_HTTP_PORT=18080 QUARKUS_MANAGEMENT_PORT=19000

# The options the door runs with (Dockerfile.jvm sets DOOR_JAVA_OPTS for both): a cache made under others may not fit.
# shellcheck disable=SC2086
java -XX:AOTCacheOutput=app.aot ${DOOR_JAVA_OPTS:-} -jar quarkus-run.jar > /tmp/aot-training.log 2>&1 &
door=$!

ready=""
for _ in $(seq 1 300); do
    if curl -fs -o /dev/null http://127.0.0.1:19000/q/health/ready; then ready=yes; break; fi
    sleep 0.1
done
[ -n "$ready" ] || { echo "aot-training.sh: the door did not get ready:" >&2; tail -20 /tmp/aot-training.log >&2; kill "$door"; exit 1; }

for _ in $(seq 1 20); do
    curl -s -o /dev/null -H "Authorization: Bearer $HTTP_API_KEYS" -H 'Content-Type: application/json' \
        -d '{"instanceKey":"aot-training"}' http://127.0.0.1:18080/logout
    curl -s -o /dev/null -H "Authorization: Bearer $HTTP_API_KEYS" -H 'Content-Type: application/json' \
        -d '{"instanceKey":"a/b"}' http://127.0.0.1:18080/logout
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{}' http://127.0.0.1:18080/logout
    curl -s -o /dev/null http://127.0.0.1:19000/q/health/live
    curl -s -o /dev/null http://127.0.0.1:19000/q/metrics
done

# The JVM writes the cache when it exits (a second JVM assembles it): wait for both.
kill -TERM "$door"
wait "$door" || true
[ -s app.aot ] || { echo "aot-training.sh: no app.aot was written:" >&2; tail -20 /tmp/aot-training.log >&2; exit 1; }
echo "aot-training.sh: app.aot written ($(wc -c < app.aot) bytes)"
