package io.rollcall.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that {@code mvn package} built, deployed unchanged at the root context. */
final class Deployments {

  private Deployments() {}

  static WebArchive rollcall() {
    File war = new File(System.getProperty("rollcall.war", "target/rollcall.war"));
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
  }
}
