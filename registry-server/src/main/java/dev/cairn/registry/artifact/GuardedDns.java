package dev.cairn.registry.artifact;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.BiFunction;
import org.apache.hc.client5.http.DnsResolver;

/**
 * A DNS resolver that refuses a name when any of its addresses is one {@link ReferenceAddresses}
 * does not permit (spec 40-security). An HTTP client built on it connects only to the addresses
 * returned here, so the check holds on the connection actually made (no DNS rebinding). References
 * and webhook targets share it; each says in its own words why a name was refused.
 */
public final class GuardedDns implements DnsResolver {

  private final ReferenceAddresses addresses;
  private final BiFunction<String, InetAddress, UnknownHostException> refusal;

  public GuardedDns(
      ReferenceAddresses addresses, BiFunction<String, InetAddress, UnknownHostException> refusal) {
    this.addresses = addresses;
    this.refusal = refusal;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    for (InetAddress address : all) {
      if (!addresses.permits(address)) {
        throw refusal.apply(host, address);
      }
    }
    return Arrays.copyOf(all, all.length);
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
