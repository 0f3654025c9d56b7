/**
 * Secrets from AWS Secrets Manager, read through the local HTTP endpoint of AWS's Parameters and Secrets Lambda
 * Extension (no AWS SDK), and the extension as the function's environment describes it. Knows nothing of Mega-API,
 * Lambda or HTTP door types.
 */
package io.megalogout.secrets;
