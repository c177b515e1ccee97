package io.rollcall.tenant;

import static io.rollcall.protocol.Tolerance.READ_ONLY_ECHO;
import static io.rollcall.protocol.Tolerance.REMOVE_LISTED_VALUES;
import static io.rollcall.protocol.Tolerance.SINGLE_VALUE_FOR_MULTI_VALUED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rollcall.protocol.Tolerance;
import io.rollcall.protocol.Tolerances;
import io.rollcall.web.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one table of tolerances per identity provider, and how a tenant's profile is set. */
class IdpProfileTest {

  @Test
  void aTenantThatNeverChoseKeepsEveryToleranceAndRefusesUnknownAttributes() {
    Tenant tenant = new Tenant("Acme", Instant.EPOCH);
    assertEquals(IdpProfile.ANY, tenant.idpProfile());
    assertEquals(Tolerances.ANY_IDP, IdpProfile.ANY.tolerances());
    assertEquals(EnumSet.allOf(Tolerance.class), IdpProfile.ANY.tolerances().allowed());
    assertFalse(IdpProfile.ANY.tolerances().dropsUnknownAttributes());
  }

  @Test
  void otherIsTheRfcAndGoogleNeedsNothing() {
    assertEquals(Tolerances.STRICT, IdpProfile.OTHER.tolerances());
    assertEquals(Tolerances.STRICT, IdpProfile.GOOGLE_WORKSPACE.tolerances());
  }

  @Test
  void eachIdentityProviderGetsWhatItsReplayNeeds() {
    assertEquals(Set.of(READ_ONLY_ECHO), IdpProfile.OKTA.tolerances().allowed());
    assertEquals(Set.of(REMOVE_LISTED_VALUES), IdpProfile.ONELOGIN.tolerances().allowed());
    assertEquals(Set.of(REMOVE_LISTED_VALUES), IdpProfile.JUMPCLOUD.tolerances().allowed());
    Set<Tolerance> entra = EnumSet.allOf(Tolerance.class);
    entra.removeAll(Set.of(READ_ONLY_ECHO, SINGLE_VALUE_FOR_MULTI_VALUED));
    assertEquals(entra, IdpProfile.ENTRA_ID.tolerances().allowed());
  }

  @Test
  void onlyEntraIdDropsUnknownAttributes() {
    for (IdpProfile profile : IdpProfile.values()) {
      assertEquals(
          profile == IdpProfile.ENTRA_ID,
          profile.tolerances().dropsUnknownAttributes(),
          profile.label());
    }
  }

  @Test
  void theGuideThatOpensIsTheIdentityProviders() {
    assertEquals(Optional.of("okta"), IdpProfile.OKTA.guide());
    assertEquals(Optional.of("entra"), IdpProfile.ENTRA_ID.guide());
    assertEquals(Optional.of("google"), IdpProfile.GOOGLE_WORKSPACE.guide());
    assertEquals(Optional.of("onelogin"), IdpProfile.ONELOGIN.guide());
    assertEquals(Optional.of("jumpcloud"), IdpProfile.JUMPCLOUD.guide());
    assertEquals(Optional.empty(), IdpProfile.ANY.guide());
    assertEquals(Optional.empty(), IdpProfile.OTHER.guide());
  }

  @ParameterizedTest
  @EnumSource(IdpProfile.class)
  void labelsRoundTripInAnyCase(IdpProfile profile) {
    assertEquals(profile, IdpProfile.fromLabel(profile.label()));
    assertEquals(profile, IdpProfile.fromLabel(profile.label().toUpperCase()));
    assertEquals(profile, new IdpProfile.Column().convertToEntityAttribute(profile.label()));
  }

  @Test
  void anUnknownProfileIsRefusedNamingTheChoices() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> IdpProfile.fromLabel("entra"));
    assertTrue(
        e.getMessage().startsWith("idpProfile must be one of \"any\", \"okta\""), e.getMessage());
    assertThrows(InvalidInputException.class, () -> IdpProfile.fromLabel(""));
    assertThrows(InvalidInputException.class, () -> IdpProfile.fromLabel(null));
  }

  /** The database refuses what the code would: the migration's CHECK lists exactly the labels. */
  @Test
  void theMigrationAcceptsExactlyTheLabels() throws IOException {
    String sql = Files.readString(Path.of("src/main/resources/db/migration/V20__idp_profile.sql"));
    String check = sql.substring(sql.indexOf("idp_profile IN ("));
    check = check.substring(check.indexOf('(') + 1, check.indexOf(')'));
    Set<String> inCheck = Set.of(check.replace("'", "").replace(" ", "").split(","));
    Set<String> labels =
        EnumSet.allOf(IdpProfile.class).stream()
            .map(IdpProfile::label)
            .collect(java.util.stream.Collectors.toSet());
    assertEquals(labels, inCheck);
    assertTrue(sql.contains("DEFAULT 'any' NOT NULL"));
  }

  @Test
  void theAdminChangeSetsTheProfileAndLeavesItWhenAbsent() {
    Tenant tenant = new Tenant("Acme", Instant.EPOCH);
    TenantService service =
        new TenantService() {
          @Override
          public Optional<Tenant> find(String id) {
            return Optional.of(tenant);
          }
        };
    service.change(tenant.id(), TenantService.TenantChange.idpProfile("entra-id"));
    assertEquals(IdpProfile.ENTRA_ID, tenant.idpProfile());
    service.change(tenant.id(), TenantService.TenantChange.scimRateLimit(null, null, null));
    assertEquals(IdpProfile.ENTRA_ID, tenant.idpProfile());
    assertThrows(
        InvalidInputException.class,
        () -> service.change(tenant.id(), TenantService.TenantChange.idpProfile("strict")));
    assertEquals(IdpProfile.ENTRA_ID, tenant.idpProfile());
    service.change(tenant.id(), TenantService.TenantChange.idpProfile("other"));
    assertEquals(IdpProfile.OTHER, tenant.idpProfile());
  }
}
