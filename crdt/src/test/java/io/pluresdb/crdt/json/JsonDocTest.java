package io.pluresdb.crdt.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import org.junit.jupiter.api.Test;

class JsonDocTest {
  private long tick = 1;

  private OpId id(long node) {
    return OpId.of(1_000, tick++, node);
  }

  /** Two copies of one document written by node 1. */
  private JsonDoc[] copies(String json) {
    JsonDoc a = new JsonDoc();
    OpId at = id(1);
    byte[] e = a.write(at, json);
    JsonDoc b = new JsonDoc();
    b.apply(at, e);
    return new JsonDoc[] {a, b};
  }

  private static void exchange(JsonDoc a, OpId atA, byte[] ea, JsonDoc b, OpId atB, byte[] eb) {
    a.apply(atB, eb);
    b.apply(atA, ea);
  }

  @Test
  void readsAsMinifiedJsonInWrittenOrder() {
    JsonDoc d = new JsonDoc();
    assertThat(d.text()).isNull();
    d.write(id(1), "{ \"b\" : 1.50, \"a\": [true, null, \"x\\ty\"], \"c\": {} }");
    assertThat(d.text()).isEqualTo("{\"b\":1.50,\"a\":[true,null,\"x\\ty\"],\"c\":{}}");
    assertThat(d.write(id(1), "{\"b\":1.50,\"a\":[true,null,\"x\\ty\"],\"c\":{}}")).isNull();
    d.write(id(1), "{\"a\":[true],\"b\":2,\"d\":\"é\"}");
    assertThat(d.text()).isEqualTo("{\"b\":2,\"a\":[true],\"d\":\"é\"}");
    assertThat(JsonDoc.of(d.state()).text()).isEqualTo(d.text());
    d.write(id(1), null);
    assertThat(d.text()).isNull();
    d.write(id(1), "7");
    assertThat(d.text()).isEqualTo("7");
    assertThatThrownBy(() -> d.write(id(1), "{nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentChangesToDifferentKeysAndAppendsAllSurvive() {
    JsonDoc[] c = copies("{\"tags\":[\"a\"],\"n\":1}");
    OpId x = id(1);
    byte[] ex = c[0].write(x, "{\"tags\":[\"a\",\"urgent\"],\"n\":1}");
    OpId y = id(2);
    byte[] ey = c[1].write(y, "{\"tags\":[\"a\",\"later\"],\"n\":1,\"owner\":\"bo\"}");
    exchange(c[0], x, ex, c[1], y, ey);
    assertThat(c[0].text()).isEqualTo(c[1].text());
    assertThat(c[0].text())
        .isEqualTo("{\"tags\":[\"a\",\"urgent\",\"later\"],\"n\":1,\"owner\":\"bo\"}");
  }

  @Test
  void theSameKeyIsLastWriterWins() {
    JsonDoc[] c = copies("{\"k\":1,\"o\":{\"p\":1}}");
    OpId x = id(1);
    byte[] ex = c[0].write(x, "{\"k\":2,\"o\":{\"p\":1}}");
    OpId y = id(2);
    byte[] ey = c[1].write(y, "{\"k\":3,\"o\":{\"p\":1,\"q\":[1]}}");
    exchange(c[0], x, ex, c[1], y, ey);
    assertThat(c[0].text()).isEqualTo(c[1].text()).isEqualTo("{\"k\":3,\"o\":{\"p\":1,\"q\":[1]}}");
  }

  @Test
  void aRemovalAndANestedSetResolveByTheNewerOne() {
    JsonDoc[] c = copies("{\"o\":{\"p\":1},\"z\":0}");
    OpId remove = id(1);
    byte[] er = c[0].write(remove, "{\"z\":0}");
    OpId nested = id(2);
    byte[] en = c[1].write(nested, "{\"o\":{\"p\":1,\"q\":2},\"z\":0}");
    exchange(c[0], remove, er, c[1], nested, en);
    // the nested set is newer: the member comes back with only what was written after the removal
    assertThat(c[0].text()).isEqualTo(c[1].text()).isEqualTo("{\"o\":{\"q\":2},\"z\":0}");

    JsonDoc[] d = copies("{\"o\":{\"p\":1},\"z\":0}");
    OpId set = id(2);
    byte[] es = d[1].write(set, "{\"o\":{\"p\":1,\"q\":2},\"z\":0}");
    OpId gone = id(1);
    byte[] eg = d[0].write(gone, "{\"z\":0}");
    exchange(d[0], gone, eg, d[1], set, es);
    assertThat(d[0].text()).isEqualTo(d[1].text()).isEqualTo("{\"z\":0}");
  }

  @Test
  void anElementChangedInPlaceKeepsItsPlaceBesideAConcurrentInsert() {
    JsonDoc[] c = copies("[1,2,3]");
    OpId x = id(1);
    byte[] ex = c[0].write(x, "[1,20,3]");
    OpId y = id(2);
    byte[] ey = c[1].write(y, "[0,1,2,3,4]");
    exchange(c[0], x, ex, c[1], y, ey);
    assertThat(c[0].text()).isEqualTo(c[1].text()).isEqualTo("[0,1,20,3,4]");
  }

  @Test
  void aWholeTextReplacesTheDocumentAsOfItsId() {
    JsonDoc[] c = copies("{\"a\":[1]}");
    OpId x = id(1);
    OpId y = id(2);
    byte[] ey = c[1].write(y, "{\"a\":[1],\"b\":2}");
    c[0].apply(x, "{\"c\":[3]}");
    c[1].apply(x, "{\"c\":[3]}");
    c[0].apply(y, ey);
    // the newer nested set survives the older replacement; a newer replacement hides all
    assertThat(c[0].text()).isEqualTo(c[1].text()).isEqualTo("{\"c\":[3],\"b\":2}");
    OpId z = id(1);
    c[0].apply(z, "[]");
    assertThat(c[0].text()).isEqualTo("[]");
  }
}
