/**
 * The Lambda build's AWS Secrets Manager reader, on the AWS SDK for Java v2 ({@code megaapi.secrets.reader=sdk}): the
 * SDK is a dependency of this build only, so this package is left out of the HTTP door's, like the rest of
 * {@code io.megalogout.lambda}. Depends on {@code io.megalogout.secrets}, never the other way.
 */
package io.megalogout.lambda.secrets;
