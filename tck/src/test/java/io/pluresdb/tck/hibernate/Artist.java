package io.pluresdb.tck.hibernate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An identity-keyed, versioned entity owning its albums. */
@Entity
public class Artist {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String name;

  @Version private int version;

  @Embedded private Address address;

  private Instant signedAt;

  @OneToMany(mappedBy = "artist", cascade = CascadeType.ALL, orphanRemoval = true)
  private List<Album> albums = new ArrayList<>();

  protected Artist() {}

  public Artist(String name, Address address, Instant signedAt) {
    this.name = name;
    this.address = address;
    this.signedAt = signedAt;
  }

  public Album add(Album album) {
    albums.add(album);
    album.artist(this);
    return album;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void name(String name) {
    this.name = name;
  }

  public int version() {
    return version;
  }

  public Address address() {
    return address;
  }

  public Instant signedAt() {
    return signedAt;
  }

  public List<Album> albums() {
    return albums;
  }
}
