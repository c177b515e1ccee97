package io.rollcall.security;

import jakarta.security.enterprise.credential.Credential;

/** An application key presented as a bearer secret to the access-check API. */
public record AppKeyCredential(String secret) implements Credential {

  @Override
  public String toString() {
    return "AppKeyCredential[secret hidden]";
  }
}
