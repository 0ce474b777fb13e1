package io.pluresdb.tck.hibernate;

/** Stored by name. */
public enum Genre {
  JAZZ,
  SOUL,
  BLUES
}
