/** The AWS Lambda door: reads the event, runs the logout use case, writes Mega-API's answer. No logic of its own. */
package io.megalogout.lambda;
