package io.rollcall.security;

/** The container roles (group name = role name, see web.xml). */
public final class Roles {

  /** An identity provider calling the SCIM API with a tenant's token. */
  public static final String SCIM_CLIENT = "scim-client";

  /** A Rollcall administrator. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
