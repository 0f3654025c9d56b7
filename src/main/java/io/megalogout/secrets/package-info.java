/**
 * Secrets from AWS Secrets Manager: what the rest of the application asks of a reader ({@link SecretsReader}), the
 * choice of one ({@code megaapi.secrets.reader}), and the reader that goes through the local HTTP endpoint of AWS's
 * Parameters and Secrets Lambda Extension (no AWS SDK). Knows nothing of Mega-API, Lambda or HTTP door types; the AWS
 * SDK's reader lives with the Lambda door, whose build alone carries the SDK.
 */
package io.megalogout.secrets;
