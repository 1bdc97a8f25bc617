/**
 * Start-up code shared by Cairn's three processes (the registry, the operator and the sidecar):
 * reading {@code CAIRN_*} variables ({@link dev.cairn.client.process.EnvValues}, {@link
 * dev.cairn.client.process.UnknownVariables}), checking a listen port before the server binds
 * ({@link dev.cairn.client.process.ListenAddress}) and the one-line exit of a process that cannot
 * start ({@link dev.cairn.client.process.StartupFailure}).
 *
 * <p>It lives in the client jar on purpose, not by accident: all three processes already depend on
 * this jar and on nothing else in common; the helpers are JDK-only (the client's Jackson-only
 * boundary holds) and word failures with {@link dev.cairn.client.ErrorText}, as the CLI does. The
 * server-only multipart reader, which no client uses, lives in the {@code common} module instead.
 * The CLI does not use this package.
 */
package dev.cairn.client.process;
