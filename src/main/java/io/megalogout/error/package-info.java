/** The named failures of a logout: each class name is public contract (it is the Lambda {@code errorType}). */
package io.megalogout.error;
