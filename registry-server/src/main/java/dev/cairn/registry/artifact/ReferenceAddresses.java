package dev.cairn.registry.artifact;

import dev.cairn.registry.config.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses an {@code http(s)} reference may reach (spec 40-security, Hardening): not
 * loopback, private (RFC 1918), unique-local, link-local, multicast, unspecified or cloud metadata
 * addresses, unless {@code CAIRN_REFERENCE_ALLOW_CIDRS} opens a range (or the older {@code
 * CAIRN_ALLOW_LINK_LOCAL_REFERENCES} link-local ones). IPv4-mapped IPv6 addresses are judged as the
 * IPv4 address they carry.
 */
public final class ReferenceAddresses {

  private static final List<AddressRange> INSIDE =
      List.of(
          AddressRange.parse("0.0.0.0/8"),
          AddressRange.parse("10.0.0.0/8"),
          AddressRange.parse("100.64.0.0/10"),
          AddressRange.parse("127.0.0.0/8"),
          AddressRange.parse("169.254.0.0/16"),
          AddressRange.parse("172.16.0.0/12"),
          AddressRange.parse("192.168.0.0/16"),
          AddressRange.parse("224.0.0.0/4"),
          AddressRange.parse("255.255.255.255/32"),
          AddressRange.parse("::/128"),
          AddressRange.parse("::1/128"),
          AddressRange.parse("fc00::/7"),
          AddressRange.parse("fe80::/10"),
          AddressRange.parse("ff00::/8"));

  private final List<AddressRange> allowed;
  private final boolean allowLinkLocal;

  public ReferenceAddresses(List<AddressRange> allowed, boolean allowLinkLocal) {
    this.allowed = List.copyOf(allowed);
    this.allowLinkLocal = allowLinkLocal;
  }

  /** Whether a reference may connect to {@code address}. */
  public boolean permits(InetAddress address) {
    InetAddress judged = unmapped(address);
    if (allowed.stream().anyMatch(r -> r.contains(judged))) {
      return true;
    }
    if (allowLinkLocal && judged.isLinkLocalAddress()) {
      return true;
    }
    return INSIDE.stream().noneMatch(r -> r.contains(judged));
  }

  private static InetAddress unmapped(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
      if (mapped) {
        try {
          return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
          return address;
        }
      }
    }
    return address;
  }
}
