package dev.cairn.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.registry.config.AddressRange;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finding 3: the address classes a reference may not reach, and how ranges are opened. */
class ReferenceAddressesTest {

  private final ReferenceAddresses defaults = new ReferenceAddresses(List.of(), false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "0.0.0.0",
        "::",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "fc00::1",
        "fd00:ec2::254",
        "224.0.0.1",
        "ff02::1",
        "100.64.0.1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "255.255.255.255"
      })
  void insideAddressesAreRefused(String address) throws Exception {
    assertThat(defaults.permits(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111"})
  void publicAddressesArePermitted(String address) throws Exception {
    assertThat(defaults.permits(InetAddress.getByName(address))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.20.0.5", "10.20.255.255"})
  void anAllowedRangeOpensExactlyItself(String address) throws Exception {
    var opened = new ReferenceAddresses(List.of(AddressRange.parse("10.20.0.0/16")), false);
    assertThat(opened.permits(InetAddress.getByName(address))).isTrue();
    assertThat(opened.permits(InetAddress.getByName("10.21.0.1"))).isFalse();
    assertThat(opened.permits(InetAddress.getByName("127.0.0.1"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"169.254.1.1", "fe80::2"})
  void theOlderLinkLocalSwitchStillOpensLinkLocal(String address) throws Exception {
    var linkLocal = new ReferenceAddresses(List.of(), true);
    assertThat(linkLocal.permits(InetAddress.getByName(address))).isTrue();
    assertThat(linkLocal.permits(InetAddress.getByName("10.0.0.1"))).isFalse();
  }
}
