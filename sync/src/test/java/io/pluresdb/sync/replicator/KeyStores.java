package io.pluresdb.sync.replicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes a PKCS12 key store and a trust store with the JDK's keytool, as an operator would. */
final class KeyStores {
  private KeyStores() {}

  /** A key store holding a self-signed certificate for 127.0.0.1, and a trust store of it. */
  record Pair(Path keyStore, Path trustStore) {}

  static Pair create(Path dir, String password) throws Exception {
    Path ks = dir.resolve("node.p12");
    Path cert = dir.resolve("node.crt");
    Path ts = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "node",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        ks.toString(),
        "-storepass",
        password);
    keytool(
        "-exportcert",
        "-alias",
        "node",
        "-keystore",
        ks.toString(),
        "-storepass",
        password,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "node",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        ts.toString(),
        "-storepass",
        password);
    return new Pair(ks, ts);
  }

  private static void keytool(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }
}
