package io.pluresdb.driver.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.jdbc.PluresDataSource;
import io.pluresdb.jdbc.PluresDriver;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the property enum honest: every constant is documented, parsed and exposed. */
class PluresPropertyTest {

  @ParameterizedTest
  @EnumSource(PluresProperty.class)
  void isDocumentedInOneLine(PluresProperty p) {
    assertThat(p.key()).matches("[a-z_]+");
    assertThat(p.description()).isNotBlank().doesNotContain("\n").endsWith(".");
  }

  @ParameterizedTest
  @EnumSource(PluresProperty.class)
  void defaultIsAValidValue(PluresProperty p) throws Exception {
    if (p.defaultValue() != null) {
      assertThat(p.normalize(p.defaultValue())).isEqualTo(p.defaultValue());
    } else {
      assertThat(p.kind()).isEqualTo(PluresProperty.Kind.TEXT);
    }
  }

  @ParameterizedTest
  @EnumSource(PluresProperty.class)
  void isParsedFromTheUrl(PluresProperty p) throws Exception {
    String value = sample(p);
    ConnectionUrl url = ConnectionUrl.parse("jdbc:pluresdb:mem:t?" + p.key() + "=" + value, null);
    assertThat(url.get(p)).isEqualTo(p.normalize(value));
  }

  @ParameterizedTest
  @EnumSource(PluresProperty.class)
  void isReportedByGetPropertyInfo(PluresProperty p) throws Exception {
    DriverPropertyInfo[] infos =
        PluresDriver.register()
            .getPropertyInfo("jdbc:pluresdb:mem:t?" + p.key() + "=" + sample(p), null);
    Map<String, DriverPropertyInfo> byName =
        Arrays.stream(infos).collect(Collectors.toMap(i -> i.name, Function.identity()));
    assertThat(byName).hasSize(PluresProperty.values().length);
    DriverPropertyInfo info = byName.get(p.key());
    assertThat(info.description).isEqualTo(p.description());
    assertThat(info.value).isEqualTo(p.normalize(sample(p)));
    if (p.kind() == PluresProperty.Kind.CHOICE) {
      assertThat(info.choices).containsExactly(p.choices());
    }
  }

  @ParameterizedTest
  @EnumSource(PluresProperty.class)
  void isABeanPropertyOfTheDataSource(PluresProperty p) throws Exception {
    String bean = camel(p.key());
    PropertyDescriptor d =
        Arrays.stream(Introspector.getBeanInfo(PluresDataSource.class).getPropertyDescriptors())
            .filter(x -> x.getName().equals(bean))
            .findFirst()
            .orElseThrow(() -> new AssertionError("PluresDataSource has no property " + bean));
    assertThat(d.getWriteMethod()).as("setter of " + bean).isNotNull();
    assertThat(d.getReadMethod()).as("getter of " + bean).isNotNull();

    PluresDataSource ds = new PluresDataSource("jdbc:pluresdb:mem:t");
    ds.setProperty(p.key(), sample(p));
    Object read = d.getReadMethod().invoke(ds);
    assertThat(String.valueOf(read).toUpperCase(Locale.ROOT))
        .isEqualTo(p.normalize(sample(p)).toUpperCase(Locale.ROOT));
  }

  @Test
  void unknownKeysAreNotProperties() {
    assertThat(PluresProperty.forKey("no_such_thing")).isNull();
    assertThat(PluresProperty.forKey("SYNCHRONOUS")).isEqualTo(PluresProperty.SYNCHRONOUS);
  }

  private static String sample(PluresProperty p) {
    return switch (p.kind()) {
      case TEXT -> "x1";
      case BOOLEAN -> "true";
      case MILLIS -> "1234";
      case SIGNED_MILLIS -> "-1234";
      case POSITIVE_INTEGER -> "64";
      case DURATION -> "12h";
      case CHOICE -> p.choices()[p.choices().length - 1].toLowerCase(Locale.ROOT);
    };
  }

  private static String camel(String key) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }
}
