package dev.cairn.registry.auth;

import java.time.Instant;

/**
 * An open browser session: who it stands for, the CSRF token its writes must carry, and when it
 * ends.
 */
public record BrowserSession(Principal principal, String csrfToken, Instant expiresAt) {}
