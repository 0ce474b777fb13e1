package io.pluresdb.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application as its authors write one: entities, repositories, a seed. */
@SpringBootApplication
public class PetClinic {}
