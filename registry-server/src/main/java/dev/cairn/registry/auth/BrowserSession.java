package dev.cairn.registry.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * An open browser session: who it stands for, the SHA-256 (hex) of the token it was opened with
 * when that token's source knows tokens by hash, the CSRF token its writes must carry, and when it
 * ends.
 */
public record BrowserSession(
    Principal principal, Optional<String> tokenSha256, String csrfToken, Instant expiresAt) {}
