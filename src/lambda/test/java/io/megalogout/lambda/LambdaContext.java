package io.megalogout.lambda;

import java.time.Duration;
import java.util.UUID;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The Lambda context of one invocation with a real deadline, which Quarkus' mock event server does not send. */
record LambdaContext(String awsRequestId, long deadlineMillis) implements Context {

    /** An invocation that has {@code remaining} left before Lambda stops it. */
    static LambdaContext remaining(Duration remaining) {
        return new LambdaContext(UUID.randomUUID().toString(), System.currentTimeMillis() + remaining.toMillis());
    }

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) (deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/megaapi-logout";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "megaapi-logout";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:sa-east-1:000000000000:function:megaapi-logout";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
