package io.megalogout.secrets;

import java.util.Optional;

/**
 * Where the extension's settings come from: the function's environment variables on Lambda. An interface so that
 * tests can give their own, and so that the application can read them through its configuration.
 */
@FunctionalInterface
public interface Environment {

    /** The variable's value, if it is set and not blank. */
    Optional<String> get(String name);
}
