package io.pluresdb.embed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The test sentences: 275 written ones on eleven topics, 25 each ({@code sentences.tsv}). */
record Sentences(String topic, String text) {
  static List<Sentences> all() throws IOException {
    List<Sentences> out = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(Sentences.class.getResourceAsStream("sentences.tsv"));
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int tab = line.indexOf('\t');
        out.add(new Sentences(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return out;
  }
}
