package io.rollcall.security;

/** The container roles (group name = role name, see web.xml). */
public final class Roles {

  /** An identity provider calling the SCIM API with a tenant's token. */
  public static final String SCIM_CLIENT = "scim-client";

  /** The host application calling the access-check API with an application key. */
  public static final String APP_CLIENT = "app-client";

  /** Any Rollcall administrator, whatever their role: what opens the admin API and console. */
  public static final String ADMIN = "admin";

  /** An administrator who may change everything, admin accounts included. */
  public static final String OWNER = "owner";

  /** An administrator who may only read. */
  public static final String AUDITOR = "auditor";

  private Roles() {}
}
