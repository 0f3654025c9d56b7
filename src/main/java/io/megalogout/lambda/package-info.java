/**
 * The AWS Lambda door: reads the event (a logout event, or an SQS batch of them), runs the use case, writes its answer. No
 * logic of its own, beside what only Lambda has: the invocation's X-Ray trace id in its log lines, and CloudWatch's
 * Embedded Metric Format in the request lines.
 */
package io.megalogout.lambda;
