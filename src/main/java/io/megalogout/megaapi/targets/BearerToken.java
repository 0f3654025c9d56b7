package io.megalogout.megaapi.targets;

import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The Mega-API token. Built by SmallRye Config's implicit converter, which must never fail here: a converter error
 * would print the value. {@link TargetConfigCheck} checks {@link #isWellFormed()} instead, naming only the property.
 */
// Native image: SmallRye Config builds it by reflection (its implicit converter calls the String constructor).
@RegisterForReflection
public record BearerToken(String value) {

    /** RFC 6750 {@code b64token}: anything else could not travel in an Authorization header unchanged. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

    boolean isWellFormed() {
        return B64TOKEN.matcher(value).matches();
    }

    /** The {@code Authorization} header's value: the one place the token is written out. */
    public String authorization() {
        return "Bearer " + value;
    }

    @Override
    public String toString() {
        return "BearerToken[***]";
    }
}
