package io.pluresdb.tck.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first version of an entity whose table schema update later widens. */
@Entity(name = "Note")
@Table(name = "note")
public class Note {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String text;

  protected Note() {}

  public Note(String text) {
    this.text = text;
  }
}
