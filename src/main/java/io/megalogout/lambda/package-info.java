/**
 * The AWS Lambda door: reads the event (a logout event, or an SQS batch of them), runs the use case, writes its answer. No
 * logic of its own.
 */
package io.megalogout.lambda;
