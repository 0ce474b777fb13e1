package io.pluresdb.tck.hibernate;

import jakarta.persistence.Embeddable;

/** An embeddable: its fields become columns of the owning table. */
@Embeddable
public class Address {
  private String street;
  private String city;

  protected Address() {}

  public Address(String street, String city) {
    this.street = street;
    this.city = city;
  }

  public String street() {
    return street;
  }

  public String city() {
    return city;
  }
}
