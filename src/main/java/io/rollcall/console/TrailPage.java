package io.rollcall.console;

import io.rollcall.audit.AdminTrail;
import io.rollcall.audit.AdminTrailQuery;
import io.rollcall.web.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The admin trail, newest first, filtered by actor, action, outcome and time range, with "older"
 * paging. A GET form, like the SCIM audit log, so every admin role may use it.
 */
@Named
@RequestScoped
public class TrailPage {

  static final String PAGE_SIZE = "50";

  @Inject AdminTrail trail;

  private String actor;
  private String action;
  private String outcome;
  private String from;
  private String to;
  private String before;
  private AdminTrail.Page result = new AdminTrail.Page(List.of(), null);

  public void load() {
    try {
      result = trail.page(AdminTrailQuery.of(actor, action, outcome, from, to, before, PAGE_SIZE));
    } catch (InvalidInputException e) {
      PageOutcomes.error("filters", e.getMessage());
    }
  }

  public boolean isFiltered() {
    return notBlank(actor)
        || notBlank(action)
        || notBlank(outcome)
        || notBlank(from)
        || notBlank(to);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  public AdminTrail.Page getResult() {
    return result;
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
  }
}
