package io.pluresdb.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code spring.datasource.url} is a PluresDB URL. */
final class OnPluresUrl extends SpringBootCondition {
  static final String PROPERTY = "spring.datasource.url";
  static final String PREFIX = "jdbc:pluresdb:";

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String url = context.getEnvironment().getProperty(PROPERTY);
    if (url != null && url.startsWith(PREFIX)) {
      return ConditionOutcome.match(PROPERTY + " is a PluresDB URL");
    }
    return ConditionOutcome.noMatch(PROPERTY + " is not a PluresDB URL");
  }
}
