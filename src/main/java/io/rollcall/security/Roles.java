package io.rollcall.security;

/** The container roles (group name = role name, see web.xml). */
public final class Roles {

  /** An identity provider calling the SCIM API with a tenant's token. */
  public static final String SCIM_CLIENT = "scim-client";

  /** The host application calling the access-check API with an application key. */
  public static final String APP_CLIENT = "app-client";

  /** A Rollcall administrator. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
