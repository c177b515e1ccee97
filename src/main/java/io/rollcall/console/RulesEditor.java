package io.rollcall.console;

import io.rollcall.audit.AdminAction;
import io.rollcall.audit.AdminTrail;
import io.rollcall.permissions.PermissionService;
import io.rollcall.permissions.PermissionService.RuleInput;
import io.rollcall.protocol.ScimException;
import io.rollcall.users.UserLifecycle;
import io.rollcall.web.InvalidInputException;
import jakarta.ejb.EJBException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The permission rules editor: an ordered list of {@code filter → group} edited in the view (add,
 * remove, move) and saved as a whole with {@link PermissionService#replace}. Each rule can be
 * previewed against the tenant's users as they are now.
 */
@Named
@ViewScoped
public class RulesEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SettingsPage settings;
  @Inject PermissionService permissions;
  @Inject UserLifecycle lifecycle;
  @Inject AdminTrail trail;

  /** A rule being edited, with the outcome of its last preview. */
  public static class Rule implements Serializable {
    private static final long serialVersionUID = 1L;

    private String filter;
    private String group;
    private String preview;
    private boolean previewFailed;

    Rule(String filter, String group) {
      this.filter = filter;
      this.group = group;
    }

    public String getFilter() {
      return filter;
    }

    /** A changed filter drops the preview of the old one. */
    public void setFilter(String filter) {
      if (!Objects.equals(this.filter, filter)) {
        preview = null;
        previewFailed = false;
      }
      this.filter = filter;
    }

    public String getGroup() {
      return group;
    }

    public void setGroup(String group) {
      this.group = group;
    }

    public String getPreview() {
      return preview;
    }

    public boolean isPreviewFailed() {
      return previewFailed;
    }
  }

  private List<Rule> rules = new ArrayList<>();

  public void load() {
    if (settings.getCurrentName() == null) {
      return;
    }
    rules = new ArrayList<>();
    permissions.list(settings.getId()).forEach(r -> rules.add(new Rule(r.filter(), r.groupName())));
  }

  public String add() {
    rules.add(new Rule("", ""));
    return null;
  }

  public String remove(int index) {
    if (index >= 0 && index < rules.size()) {
      rules.remove(index);
    }
    return null;
  }

  public String moveUp(int index) {
    if (index > 0 && index < rules.size()) {
      Collections.swap(rules, index, index - 1);
    }
    return null;
  }

  public String moveDown(int index) {
    if (index >= 0 && index < rules.size() - 1) {
      Collections.swap(rules, index, index + 1);
    }
    return null;
  }

  /** Shows how many of the tenant's users the rule's filter matches now, and a few of them. */
  public String preview(int index) {
    if (index < 0 || index >= rules.size()) {
      return null;
    }
    Rule rule = rules.get(index);
    rule.previewFailed = false;
    if (rule.filter == null || rule.filter.isBlank()) {
      rule.preview = "Enter a filter to preview it.";
      rule.previewFailed = true;
      return null;
    }
    try {
      UserLifecycle.Matches matches = lifecycle.matching(settings.getId(), rule.filter);
      rule.preview = describe(matches);
    } catch (ScimException e) {
      rule.preview = "Invalid filter: " + e.detail();
      rule.previewFailed = true;
    } catch (EJBException e) {
      if (!(e.getCause() instanceof ScimException scim)) {
        throw e;
      }
      rule.preview = "Invalid filter: " + scim.detail();
      rule.previewFailed = true;
    }
    return null;
  }

  static String describe(UserLifecycle.Matches matches) {
    if (matches.total() == 0) {
      return "Matches nobody now.";
    }
    List<String> sample = matches.sample().stream().limit(5).toList();
    String people = matches.total() == 1 ? "1 person" : matches.total() + " people";
    return "Matches "
        + people
        + " now: "
        + String.join(", ", sample)
        + (matches.total() > sample.size()
            ? " and " + (matches.total() - sample.size()) + " more"
            : "")
        + ".";
  }

  public String save() {
    try {
      String tenantId = settings.getId();
      List<RuleInput> inputs = rules.stream().map(r -> new RuleInput(r.filter, r.group)).toList();
      trail.run(
          AdminAction.of("permission-rules.replace", tenantId),
          () -> permissions.replace(tenantId, inputs),
          saved ->
              AdminAction.of("permission-rules.replace", tenantId)
                  .withDetail(TrailDetails.rules(saved)));
      return "settings?faces-redirect=true&id=" + settings.getId() + "&done=rules-saved";
    } catch (InvalidInputException e) {
      PageOutcomes.error("rules", e.getMessage());
      return null;
    }
  }

  public List<Rule> getRules() {
    return rules;
  }
}
