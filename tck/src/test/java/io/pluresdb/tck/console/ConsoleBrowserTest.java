package io.pluresdb.tck.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as a user meets it: {@code pluresdb serve} in its own process, a headless Chromium
 * that logs in with the token, sees the peers' chart, runs SQL and watches a live query while a
 * JDBC client replicating through the hub writes a row.
 */
@Timeout(600)
class ConsoleBrowserTest {
  private static final String TOKEN = "console-s3cret";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aUserLogsInRunsSqlAndWatchesAReplicatedRowArriveInALiveQuery() throws Exception {
    PluresDriver.register();
    try (ServeProcess hub = ServeProcess.start(dir, TOKEN)) {
      ChromeDriver browser = Chromium.start(dir.resolve("profile"));
      try {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(hub.consoleUrl);

        // the page asks for the token and shows nothing else before it
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElements(By.id("console"))).isEmpty();
        browser.findElement(By.id("token")).sendKeys("not the token");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(TOKEN);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));

        // the SQL box: DDL and a write, then a query whose rows appear as a table
        runSql(browser, "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)");
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("sql-result"), "changed"));
        runSql(browser, "INSERT INTO note VALUES (1, 'typed in the console')");
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(By.id("sql-result"), "1 row"));
        runSql(browser, "SELECT id, body FROM note");
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("sql-result"), "typed in the console"));
        runSql(browser, "SELECT * FROM no_such_table");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sql-error"), "42P01"));

        // a live query on the hub
        WebElement live = browser.findElement(By.id("live-input"));
        live.clear();
        live.sendKeys("SELECT id, body FROM note");
        browser.findElement(By.id("live-start")).click();
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("live-table"), "typed in the console"));

        // a JDBC client replicating through the hub writes a row: it appears in the live query,
        // and the client shows up as a peer
        String client =
            "jdbc:pluresdb:"
                + dir.resolve("client.db")
                + "?peers=ws://127.0.0.1:"
                + hub.port
                + "&token="
                + TOKEN;
        try (Connection c = DriverManager.getConnection(client)) {
          Awaitility.await("the table reaches the client")
              .atMost(WAIT)
              .ignoreExceptionsInstanceOf(SQLException.class)
              .until(
                  () -> {
                    try (Statement s = c.createStatement()) {
                      return s.executeQuery("SELECT count(*) FROM note").next();
                    }
                  });
          try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO note VALUES (2, 'written through JDBC')");
          }
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("live-table"), "written through JDBC"));
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("peers-table"), "LIVE"));
          wait.until(
              ExpectedConditions.presenceOfElementLocated(By.cssSelector("#peer-chart canvas")));
          assertThat(browser.findElement(By.id("live-table")).getText())
              .contains("typed in the console");

          // the table browser lists the table and pages its rows
          wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.xpath("//*[@id='tables-list']/button[text()='note']")));
          browser.findElement(By.xpath("//*[@id='tables-list']/button[text()='note']")).click();
          wait.until(
              ExpectedConditions.textToBePresentInElementLocated(
                  By.id("rows-table"), "written through JDBC"));

          Path shot = Path.of("target", "console.png");
          Files.createDirectories(shot.getParent());
          Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        }
      } catch (RuntimeException | Error e) {
        // what the page showed, to see why
        Files.createDirectories(Path.of("target"));
        Files.write(
            Path.of("target", "console-failure.png"), browser.getScreenshotAs(OutputType.BYTES));
        Files.writeString(Path.of("target", "console-failure.html"), browser.getPageSource());
        throw new AssertionError(
            "serve said (the page is in target/console-failure.*):\n" + hub.output(), e);
      } finally {
        browser.quit();
      }
    }
  }

  /** Types a statement into the SQL box and runs it (the box clears the last answer first). */
  private static void runSql(ChromeDriver browser, String sql) {
    WebElement box = browser.findElement(By.id("sql-input"));
    box.clear();
    box.sendKeys(sql);
    browser.findElement(By.id("sql-run")).click();
  }
}
