package io.pluresdb.sync.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The sync tests' SLF4J provider: it records what is logged, at any level, while a test has started
 * a capture, and nothing otherwise (so other tests pay nothing for it).
 */
public final class CapturedLog implements SLF4JServiceProvider {
  /** One logging call, its message formatted. */
  public record Event(Level level, String logger, String message, Throwable thrown) {}

  private static final List<Event> EVENTS = new CopyOnWriteArrayList<>();
  private static volatile boolean capturing;

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  /** Starts recording (forgetting what an earlier capture recorded). */
  public static void start() {
    EVENTS.clear();
    capturing = true;
  }

  /** Stops recording; the events stay readable. */
  public static void stop() {
    capturing = false;
  }

  public static List<Event> events() {
    return List.copyOf(EVENTS);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return Recorder::new;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class Recorder extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    Recorder(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return capturing;
    }

    @Override
    public boolean isInfoEnabled() {
      return capturing;
    }

    @Override
    public boolean isWarnEnabled() {
      return capturing;
    }

    @Override
    public boolean isErrorEnabled() {
      return capturing;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
      if (capturing) {
        EVENTS.add(
            new Event(level, name, MessageFormatter.basicArrayFormat(pattern, args), thrown));
      }
    }
  }
}
