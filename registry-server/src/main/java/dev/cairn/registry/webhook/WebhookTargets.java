package dev.cairn.registry.webhook;

import dev.cairn.registry.artifact.ReferenceAddresses;
import dev.cairn.registry.config.WebhookSettings;
import dev.cairn.registry.domain.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may target (issue 30 item 4): the SSRF rules of references ({@link
 * ReferenceAddresses}: no loopback, private, link-local or metadata address unless {@code
 * CAIRN_WEBHOOK_ALLOW_CIDRS} opens its range), {@code https} only unless {@code
 * CAIRN_WEBHOOK_ALLOW_HTTP=true}, no user-info. Checked when an endpoint is saved, so the caller
 * hears why; the sender checks the address it connects to again (DNS may change in between).
 */
public final class WebhookTargets {

  private static final int MAX_URL_CHARS = 2048;

  private final WebhookSettings settings;
  private final ReferenceAddresses addresses;

  public WebhookTargets(WebhookSettings settings) {
    this.settings = settings;
    this.addresses = new ReferenceAddresses(settings.allowedRanges(), false);
  }

  ReferenceAddresses addresses() {
    return addresses;
  }

  /** {@code url} normalised, or a 400 saying which rule it breaks (never what it resolves to). */
  String check(String url) {
    if (url == null || url.isBlank()) {
      throw ApiException.badRequest("url is required");
    }
    if (url.length() > MAX_URL_CHARS) {
      throw ApiException.badRequest("url is longer than " + MAX_URL_CHARS + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("url is not a valid URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
      throw ApiException.badRequest(
          "url must be https"
              + (scheme.equals("http") ? " (plain http is off: CAIRN_WEBHOOK_ALLOW_HTTP)" : ""));
    }
    if (uri.getRawUserInfo() != null) {
      throw ApiException.badRequest("url may not carry user-info");
    }
    if (uri.getHost() == null || uri.getRawFragment() != null) {
      throw ApiException.badRequest("url needs a host and no fragment");
    }
    if (!permitted(uri.getHost())) {
      throw ApiException.badRequest(
          "url target is not allowed: it must resolve to public addresses only, or to a range"
              + " in CAIRN_WEBHOOK_ALLOW_CIDRS");
    }
    return uri.toString();
  }

  private boolean permitted(String host) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      InetAddress[] all = InetAddress.getAllByName(bare);
      for (InetAddress address : all) {
        if (!addresses.permits(address)) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
