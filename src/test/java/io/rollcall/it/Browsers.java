package io.rollcall.it;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, for the console's browser tests. Chromium's background services
 * (updates, sync, safe browsing) are off: they would only try to reach the internet.
 */
final class Browsers {

  private Browsers() {}

  static ChromeDriver headless(int width, int height, String... extraArguments) {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("rollcall.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("rollcall.chromium", "/usr/bin/chromium"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + width + "," + height));
    arguments.addAll(List.of(extraArguments));
    options.addArguments(arguments);
    return new ChromeDriver(service, options);
  }
}
