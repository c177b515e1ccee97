package io.rollcall.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgChartTest {

  private static OrgChart.Person p(String email, String manager) {
    return new OrgChart.Person(email, manager);
  }

  @Test
  void levelsCountFromTheTopAndManagersCountTheirDirectReports() {
    OrgChart chart =
        OrgChart.of(
            List.of(
                p("ann@acme.com", "ceo@acme.com"),
                p("bob@acme.com", "ANN@acme.com"),
                p("cy@acme.com", "ann@acme.com"),
                p("ceo@acme.com", null)));

    assertEquals(new OrgChart.Position(1, 0), chart.position("ceo@acme.com"));
    assertEquals(new OrgChart.Position(2, 1), chart.position("ann@acme.com"));
    assertEquals(new OrgChart.Position(0, 2), chart.position("Bob@Acme.com"));
    assertEquals(0, chart.missingManagers());
    assertEquals(0, chart.cycles());
  }

  @Test
  void someoneWhoIsTheirOwnManagerIsAtTheTop() {
    OrgChart chart =
        OrgChart.of(List.of(p("ceo@acme.com", "CEO@acme.com"), p("ann@acme.com", "ceo@acme.com")));

    assertEquals(new OrgChart.Position(1, 0), chart.position("ceo@acme.com"));
    assertEquals(0, chart.cycles());
  }

  @Test
  void aMissingManagerIsReportedAndTheChainBelowItHasNoLevel() {
    OrgChart chart =
        OrgChart.of(
            List.of(
                p("ann@acme.com", "gone@acme.com"),
                p("bob@acme.com", "ann@acme.com"),
                p("ceo@acme.com", null)));

    assertEquals(1, chart.missingManagers());
    assertEquals(
        List.of(new OrgChart.MissingManager("ann@acme.com", "gone@acme.com")),
        chart.listedMissingManagers());
    assertNull(chart.position("ann@acme.com").level());
    assertNull(chart.position("bob@acme.com").level());
    assertEquals(1, chart.position("ann@acme.com").directReports());
    assertEquals(0, chart.position("ceo@acme.com").level());
  }

  @Test
  void aLoopIsReportedOnceAndNeitherItNorThoseBelowItGetALevel() {
    OrgChart chart =
        OrgChart.of(
            List.of(
                p("dee@acme.com", "eve@acme.com"),
                p("eve@acme.com", "fay@acme.com"),
                p("fay@acme.com", "dee@acme.com"),
                p("gus@acme.com", "eve@acme.com")));

    assertEquals(1, chart.cycles());
    assertEquals(3, chart.listedCycles().get(0).size());
    for (String email : List.of("dee@acme.com", "eve@acme.com", "fay@acme.com", "gus@acme.com")) {
      assertNull(chart.position(email).level(), email);
    }
    assertEquals(2, chart.position("eve@acme.com").directReports());
  }

  @Test
  void aLongChainIsWalkedWithoutRecursion() {
    List<OrgChart.Person> people = new ArrayList<>();
    people.add(p("p0@acme.com", null));
    for (int i = 1; i < 50_000; i++) {
      people.add(p("p" + i + "@acme.com", "p" + (i - 1) + "@acme.com"));
    }
    OrgChart chart = OrgChart.of(people);

    assertEquals(49_999, chart.position("p49999@acme.com").level());
    assertEquals(1, chart.position("p0@acme.com").directReports());
  }
}
