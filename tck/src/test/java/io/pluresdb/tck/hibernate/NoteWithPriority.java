package io.pluresdb.tck.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@link Note} with one more field: schema update must add its column. */
@Entity(name = "NoteWithPriority")
@Table(name = "note")
public class NoteWithPriority {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String text;

  Integer priority;

  protected NoteWithPriority() {}

  public NoteWithPriority(String text, Integer priority) {
    this.text = text;
    this.priority = priority;
  }
}
