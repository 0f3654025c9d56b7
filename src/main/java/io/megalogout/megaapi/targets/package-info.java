/**
 * Which host and which token a key's request uses, and nothing else: the default host and token, each instance's own
 * (from the configuration or the instances secret), the token sources and their rotation after a 401, the redaction of
 * every token held, and the start-up checks of all of it. The one place a {@code Target} is made for a key; the token
 * leaves it only as an {@code Authorization} header's value ({@code BearerToken.authorization()}).
 */
package io.megalogout.megaapi.targets;
