package io.rollcall.audit;

/**
 * What an admin did, for the admin trail: an action name such as {@code tenant.create}, the thing
 * it was done to (an id, a username) and what changed. Never a secret: token and key secrets,
 * passwords and webhook URLs (whose path may be a credential) stay out of all three.
 */
public record AdminAction(String name, String target, String detail) {

  public static AdminAction of(String name, String target) {
    return new AdminAction(name, target, null);
  }

  public AdminAction withTarget(String newTarget) {
    return new AdminAction(name, newTarget, detail);
  }

  public AdminAction withDetail(String newDetail) {
    return new AdminAction(name, target, newDetail);
  }
}
