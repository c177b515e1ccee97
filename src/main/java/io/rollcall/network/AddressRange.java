package io.rollcall.network;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); a single address
 * is its own block. IPv4 and IPv6 blocks never match each other's addresses.
 */
public record AddressRange(byte[] network, int prefixLength) {

  public AddressRange {
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range");
    }
  }

  /**
   * Reads {@code address} or {@code address/prefix}; refuses anything else, including host names
   * (never resolved) and host bits set beyond the prefix (a typo more often than intended).
   */
  public static AddressRange parse(String text) {
    String s = text == null ? "" : text.strip();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    InetAddress parsed =
        IpAddresses.parse(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
    byte[] bytes = parsed.getAddress();
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String digits = s.substring(slash + 1);
      if (digits.isEmpty()
          || digits.length() > 3
          || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a prefix length: " + digits);
      }
      prefix = Integer.parseInt(digits);
      if (prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix length too long: " + prefix);
      }
    }
    AddressRange range = new AddressRange(bytes, prefix);
    if (!Arrays.equals(range.masked(bytes), bytes)) {
      throw new IllegalArgumentException("host bits set in " + s);
    }
    return range;
  }

  public boolean contains(InetAddress address) {
    return contains(address.getAddress());
  }

  public boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(masked(address), network);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  private byte[] masked(byte[] address) {
    byte[] out = address.clone();
    for (int bit = prefixLength; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressRange r
        && r.prefixLength == prefixLength
        && Arrays.equals(r.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (java.net.UnknownHostException e) {
      return Arrays.toString(network) + "/" + prefixLength;
    }
  }
}
