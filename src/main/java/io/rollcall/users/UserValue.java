package io.rollcall.users;

import io.rollcall.querying.Comparisons;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One indexed attribute value of a user: what filters and sorting run against. */
@Entity
@Table(name = "scim_user_value")
@IdClass(UserValue.Key.class)
public class UserValue {

  /** The composite primary key (user, attribute, element). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String userId;
    String attr;
    int element;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(userId, k.userId)
          && Objects.equals(attr, k.attr)
          && element == k.element;
    }

    @Override
    public int hashCode() {
      return Objects.hash(userId, attr, element);
    }
  }

  @Id
  @Column(name = "user_id")
  private String userId;

  @Id private String attr;

  @Id private int element;

  @ManyToOne
  @JoinColumn(name = "user_id", insertable = false, updatable = false)
  private UserRow user;

  @Column(name = "tenant_id")
  private String tenantId;

  @Column(name = "sort_key")
  private short sortKey;

  @Column(name = "text_value")
  private String textValue;

  @Column(name = "folded_value")
  private String foldedValue;

  /** The start of {@link #textValue}, which the database indexes. */
  @Column(name = "text_prefix")
  private String textPrefix;

  @Column(name = "folded_prefix")
  private String foldedPrefix;

  @Column(name = "time_value")
  private Instant timeValue;

  @Column(name = "bool_value")
  private Short boolValue;

  @Column(name = "number_value")
  private BigDecimal numberValue;

  protected UserValue() {}

  UserValue(String userId, String tenantId, IndexedValue value) {
    this.userId = userId;
    this.tenantId = tenantId;
    this.attr = value.attr();
    this.element = value.element();
    this.sortKey = Comparisons.flag(value.sortKey());
    this.textValue = value.text();
    this.foldedValue = value.folded();
    this.textPrefix = AttributeIndex.prefix(value.text());
    this.foldedPrefix = AttributeIndex.prefix(value.folded());
    this.timeValue = value.time();
    this.boolValue = value.bool() == null ? null : Comparisons.flag(value.bool());
    this.numberValue = value.number();
  }
}
