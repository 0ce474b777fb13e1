package io.pluresdb.boot.app;

import org.springframework.data.jpa.repository.JpaRepository;

/** Pets. */
public interface PetRepository extends JpaRepository<Pet, Integer> {}
