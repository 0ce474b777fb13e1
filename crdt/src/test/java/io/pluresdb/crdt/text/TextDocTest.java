package io.pluresdb.crdt.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextDocTest {
  private static final long A = 0xA1;
  private static final long B = 0xB2;

  @Test
  void concurrentEditsOfOneTextBothSurvive() {
    TextDoc a = new TextDoc();
    byte[] base = a.splice(A, 0, 0, "hello world");
    TextDoc b = new TextDoc();
    b.apply(A, base);

    byte[] brave = a.diff(A, "hello brave world");
    byte[] bang = b.diff(B, "hello world!!!");
    a.apply(B, bang);
    b.apply(A, brave);

    assertThat(a.text()).isEqualTo("hello brave world!!!");
    assertThat(b.text()).isEqualTo("hello brave world!!!");
  }

  @Test
  void textTypedConcurrentlyAtOnePlaceDoesNotInterleave() {
    TextDoc a = new TextDoc();
    byte[] base = a.splice(A, 0, 0, "ab");
    TextDoc b = new TextDoc();
    b.apply(A, base);
    java.util.List<byte[]> fromA = new java.util.ArrayList<>();
    java.util.List<byte[]> fromB = new java.util.ArrayList<>();
    // a types forwards one character at a time, b backwards (each character before the last)
    for (int i = 0; i < 3; i++) {
      fromA.add(a.splice(A, 1 + i, 0, "xyz".substring(i, i + 1)));
      fromB.add(b.splice(B, 1, 0, "321".substring(i, i + 1)));
    }
    fromB.forEach(e -> a.apply(B, e));
    fromA.forEach(e -> b.apply(A, e));

    assertThat(a.text()).isEqualTo(b.text()).isIn("axyz123b", "a123xyzb");
  }

  @Test
  void anEditWaitsForTheCharactersItRefersTo() {
    TextDoc a = new TextDoc();
    byte[] first = a.splice(A, 0, 0, "hello");
    byte[] second = a.splice(A, 5, 0, " world");
    byte[] third = a.splice(A, 0, 1, "J");

    TextDoc late = new TextDoc();
    late.apply(A, third);
    late.apply(A, second);
    assertThat(late.text()).isEmpty();
    assertThat(late.waiting()).isEqualTo(3);
    late.apply(A, first);
    late.apply(A, first);

    assertThat(late.text()).isEqualTo("Jello world").isEqualTo(a.text());
    assertThat(late.waiting()).isZero();
  }

  @Test
  void aDiffKeepsTheCommonPrefixAndSuffixAndEqualTextIsNoEdit() {
    TextDoc a = new TextDoc();
    a.splice(A, 0, 0, "the quick fox");
    assertThat(a.diff(A, "the quick fox")).isNull();
    byte[] edit = a.diff(A, "the slow fox");
    assertThat(a.text()).isEqualTo("the slow fox");
    // one delete run of "quick" and one insert run of "slow": a handful of bytes besides the word
    assertThat(edit.length).isLessThan(16);
  }

  @Test
  void aSpliceOutsideTheTextIsRefused() {
    TextDoc a = new TextDoc();
    a.splice(A, 0, 0, "abc");
    assertThatThrownBy(() -> a.splice(A, 4, 0, "x"))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("length 3");
    assertThatThrownBy(() -> a.splice(A, 2, 2, "")).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aLongTextSpansManyChunksAndStaysInOrder() {
    TextDoc a = new TextDoc();
    StringBuilder expected = new StringBuilder();
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      int pos = r.nextInt(expected.length() + 1);
      String s = Character.toString((char) ('a' + r.nextInt(26)));
      a.splice(A, pos, 0, s);
      expected.insert(pos, s);
      if (i % 5 == 0 && expected.length() > 0) {
        int at = r.nextInt(expected.length());
        a.splice(A, at, 1, "");
        expected.deleteCharAt(at);
      }
    }
    assertThat(a.text()).isEqualTo(expected.toString());
    assertThat(a.length()).isEqualTo(expected.length());
  }
}
