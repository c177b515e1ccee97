package io.rollcall.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook request: {@code v1=} + hex HMAC-SHA256 over {@code
 * "<timestamp>.<body>"} with the tenant's signing secret. Receivers recompute it, compare in
 * constant time and reject timestamps older than a few minutes (replays).
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "Rollcall-Timestamp";
  public static final String SIGNATURE_HEADER = "Rollcall-Signature";

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  public static boolean verify(String secret, long timestamp, String body, String signature) {
    byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }
}
