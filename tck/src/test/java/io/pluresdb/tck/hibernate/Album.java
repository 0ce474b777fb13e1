package io.pluresdb.tck.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** A sequence-keyed entity (pooled, 50 ids per database round trip) with many column types. */
@Entity
public class Album {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "album_ids")
  @SequenceGenerator(name = "album_ids", sequenceName = "album_seq", allocationSize = 50)
  private Long id;

  private String title;

  @Enumerated(EnumType.STRING)
  private Genre genre;

  private LocalDate released;

  private LocalDateTime catalogued;

  private BigDecimal price;

  private boolean inPrint;

  private UUID reference;

  @Lob private byte[] cover;

  @Lob private String notes;

  @ManyToOne(fetch = FetchType.LAZY)
  private Artist artist;

  protected Album() {}

  public Album(String title, Genre genre, LocalDate released, BigDecimal price) {
    this.title = title;
    this.genre = genre;
    this.released = released;
    this.price = price;
    this.inPrint = true;
  }

  public Long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public void title(String title) {
    this.title = title;
  }

  public Genre genre() {
    return genre;
  }

  public LocalDate released() {
    return released;
  }

  public LocalDateTime catalogued() {
    return catalogued;
  }

  public BigDecimal price() {
    return price;
  }

  public boolean inPrint() {
    return inPrint;
  }

  public UUID reference() {
    return reference;
  }

  public byte[] cover() {
    return cover;
  }

  public String notes() {
    return notes;
  }

  public Artist artist() {
    return artist;
  }

  void artist(Artist artist) {
    this.artist = artist;
  }

  public Album details(
      LocalDateTime catalogued, boolean inPrint, UUID reference, byte[] cover, String notes) {
    this.catalogued = catalogued;
    this.inPrint = inPrint;
    this.reference = reference;
    this.cover = cover;
    this.notes = notes;
    return this;
  }
}
