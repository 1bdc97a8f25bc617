package dev.cairn.registry.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** One CIDR range, IPv4 or IPv6 ({@code 10.0.0.0/8}, {@code fd00::/8}). */
public record AddressRange(byte[] network, int prefix) {

  /** Parses {@code a.b.c.d/n} or {@code v6/n}; a bare address is a range of one. */
  public static AddressRange parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    try {
      if (!parts[0].matches("[0-9a-fA-F.:]+")) {
        throw new IllegalArgumentException("'" + cidr + "' is not an address range");
      }
      byte[] network = InetAddress.getByName(parts[0]).getAddress();
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("'" + cidr + "' has a prefix out of range");
      }
      return new AddressRange(network, prefix);
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an address range", e);
    }
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    int shift = network.length * 8 - prefix;
    return new BigInteger(1, bytes)
        .shiftRight(shift)
        .equals(new BigInteger(1, network).shiftRight(shift));
  }
}
