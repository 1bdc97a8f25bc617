/**
 * The server side of {@code multipart/form-data}: a streaming reader used by the registry (one-shot
 * publish, standard-format registration) and by the sidecar ({@code /inspect} uploads). It lives
 * here, not in the client jar, because no client writes or reads multipart through it; the CLI and
 * the console only send bodies.
 */
package dev.cairn.common.multipart;
