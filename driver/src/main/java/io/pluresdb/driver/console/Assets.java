package io.pluresdb.driver.console;

import io.pluresdb.sync.http.HttpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The console's static files: its own page, script and style, and the files it uses from the Preact
 * and uPlot WebJars. Only the files listed here are served, each by a fixed name that does not
 * carry the library's version (the version is read from the WebJar's Maven properties).
 *
 * <p>Immutable and thread-safe.
 */
final class Assets {
  private static final String OWN = "/io/pluresdb/driver/console/";

  /** Served path under {@code /console/} to resource path and content type. */
  private final Map<String, Asset> files;

  private record Asset(String resource, String type) {}

  private Assets(Map<String, Asset> files) {
    this.files = files;
  }

  static Assets load() {
    String preact = webJar("preact");
    String uplot = webJar("uplot");
    String js = "text/javascript; charset=utf-8";
    String css = "text/css; charset=utf-8";
    return new Assets(
        Map.of(
            "", new Asset(OWN + "index.html", "text/html; charset=utf-8"),
            "app.js", new Asset(OWN + "app.js", js),
            "app.css", new Asset(OWN + "app.css", css),
            "lib/preact.js", new Asset(preact + "dist/preact.module.js", js),
            "lib/hooks.js", new Asset(preact + "hooks/dist/hooks.module.js", js),
            "lib/uplot.js", new Asset(uplot + "dist/uPlot.iife.min.js", js),
            "lib/uplot.css", new Asset(uplot + "dist/uPlot.min.css", css)));
  }

  /** True when {@code name} (the path after {@code /console/}) is a static file. */
  boolean has(String name) {
    return files.containsKey(name);
  }

  void send(String name, HttpReply reply) {
    Asset a = files.get(name);
    if (a == null) {
      Json.sendError(reply, 404, "no file " + name);
      return;
    }
    try (InputStream in = Assets.class.getResourceAsStream(a.resource())) {
      if (in == null) {
        Json.sendError(reply, 404, "the jar lacks " + a.resource());
        return;
      }
      reply.send(200, a.type(), Map.of("Cache-Control", "no-cache"), in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + a.resource(), e);
    }
  }

  private static String webJar(String name) {
    String props = "/META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = Assets.class.getResourceAsStream(props)) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      @Nullable String version = p.getProperty("version");
      // without the WebJar (a thin driver on a classpath) the files are simply missing: 404
      return "/META-INF/resources/webjars/"
          + name
          + "/"
          + (version == null ? "missing" : version)
          + "/";
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + props, e);
    }
  }
}
