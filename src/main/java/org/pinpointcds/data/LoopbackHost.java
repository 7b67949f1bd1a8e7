package org.pinpointcds.data;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Whether a URL names this machine, read from the URL alone: an IPv4 literal in 127.0.0.0/8, the IPv6 literal
 * {@code [::1]} or the name {@code localhost}. Never by a DNS lookup and never by a prefix: {@code 127.evil.example}
 * is a name that its owner's DNS points wherever it likes.
 */
final class LoopbackHost {

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\." + OCTET + "){3}");

  private LoopbackHost() {}

  static boolean isLoopback(URI url) {
    String host = url.getHost();
    // URI gives an IPv6 host with its brackets.
    return host != null
        && (host.equalsIgnoreCase("localhost") || host.equals("[::1]") || IPV4_LOOPBACK.matcher(host).matches());
  }
}
