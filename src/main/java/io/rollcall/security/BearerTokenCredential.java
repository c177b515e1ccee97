package io.rollcall.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer secret presented in an {@code Authorization} header. */
public record BearerTokenCredential(String secret) implements Credential {

  @Override
  public String toString() {
    return "BearerTokenCredential[secret hidden]";
  }
}
