package io.pluresdb.sync.netty;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for {@code wss://}: the listener's PKCS12 key store, and what a client trusts (a PKCS12 trust
 * store, the JDK's default trust, or — for tests only — anything).
 *
 * @param keyStore the listener's key store (PKCS12), or null for a plain {@code ws://} listener
 * @param keyStorePassword its password
 * @param trustStore the certificates a client trusts (PKCS12), or null for the JDK's defaults
 * @param trustStorePassword its password
 * @param trustAll a client accepts any certificate and host name: for tests, never production
 */
public record TlsSettings(
    Path keyStore,
    String keyStorePassword,
    Path trustStore,
    String trustStorePassword,
    boolean trustAll) {

  /** No key store, the JDK's trust. */
  public static TlsSettings none() {
    return new TlsSettings(null, null, null, null, false);
  }

  /** True when the listener serves {@code wss://}. */
  public boolean serverEnabled() {
    return keyStore != null;
  }

  /** The listener's TLS context; fails naming the key store when it cannot be read. */
  public SslContext serverContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(load(keyStore, keyStorePassword), chars(keyStorePassword));
      return SslContextBuilder.forServer(kmf).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use key store " + keyStore + ": " + e, e);
    }
  }

  /** A client's TLS context for {@code wss://} peers. */
  public SslContext clientContext() {
    try {
      SslContextBuilder b = SslContextBuilder.forClient();
      if (trustAll) {
        b.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (trustStore != null) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trustStore, trustStorePassword));
        b.trustManager(tmf);
      }
      if (!trustAll) {
        b.endpointIdentificationAlgorithm("HTTPS");
      }
      return b.build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use trust store " + trustStore + ": " + e, e);
    }
  }

  private static KeyStore load(Path file, String password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, chars(password));
    }
    return ks;
  }

  private static char[] chars(String password) {
    return password == null ? new char[0] : password.toCharArray();
  }
}
