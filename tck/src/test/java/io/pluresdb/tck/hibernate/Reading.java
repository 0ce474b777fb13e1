package io.pluresdb.tck.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An entity with a date and a timestamp, for HQL's date-time functions. */
@Entity
public class Reading {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  LocalDate day;

  LocalDateTime taken;

  protected Reading() {}

  public Reading(LocalDate day, LocalDateTime taken) {
    this.day = day;
    this.taken = taken;
  }
}
