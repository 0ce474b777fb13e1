package io.pluresdb.tck.slt;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TmpTriggerSltCheck {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"evidence/slt_lang_createtrigger.test", "evidence/slt_lang_droptrigger.test"})
  void run(String name) throws Exception {
    SltScript script = SltScript.load(name);
    try (Connection c = DriverManager.getConnection("jdbc:pluresdb:" + dir.resolve("x.db"))) {
      SltOutcome outcome = SltRunner.run(script, c);
      System.out.println("[slt-check] " + outcome.summary());
      KnownFailures.write(
          outcome, java.nio.file.Paths.get("target", "slt", name.replace('/', '_') + ".txt"));
    }
  }
}
