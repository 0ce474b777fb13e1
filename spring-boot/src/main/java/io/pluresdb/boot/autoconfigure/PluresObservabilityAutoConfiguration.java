package io.pluresdb.boot.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code pluresdb} health indicator (when Boot's health support is present) and the replication
 * meters (when Micrometer is), for the application's PluresDB data source.
 */
@AutoConfiguration(
    after = {DataSourceAutoConfiguration.class, PluresUnpooledDataSourceAutoConfiguration.class})
@Conditional(OnPluresUrl.class)
public class PluresObservabilityAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
  static class HealthConfiguration {
    @Bean
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(name = "pluresdbHealthIndicator")
    PluresHealthIndicator pluresdbHealthIndicator(DataSource dataSource) {
      return new PluresHealthIndicator(dataSource);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class MetricsConfiguration {
    @Bean
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean
    PluresMetrics pluresMetrics(DataSource dataSource) {
      return new PluresMetrics(dataSource);
    }
  }
}
