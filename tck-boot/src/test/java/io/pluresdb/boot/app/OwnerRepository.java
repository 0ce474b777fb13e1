package io.pluresdb.boot.app;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's derived and declared queries. */
public interface OwnerRepository extends JpaRepository<Owner, Integer> {
  List<Owner> findByCityOrderByNameAsc(String city);

  @Query("select distinct o from Owner o join o.pets p where p.name like :prefix%")
  List<Owner> withPetNamed(@Param("prefix") String prefix);

  @Query(value = "SELECT count(*) FROM pet WHERE owner_id = ?1", nativeQuery = true)
  long countPets(Integer ownerId);
}
