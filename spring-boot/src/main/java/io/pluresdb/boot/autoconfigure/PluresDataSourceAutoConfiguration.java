package io.pluresdb.boot.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.autoconfigure.init.ApplicationScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.ConditionalOnSqlInitialization;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.init.DatabasePopulator;

/**
 * Runs before Boot's data source configuration when {@code spring.datasource.url} is a PluresDB
 * URL: Boot then builds its pool (HikariCP) from the URL alone, and treats the database as embedded
 * for {@code spring.sql.init}.
 */
@AutoConfiguration(
    before = {DataSourceAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class})
@ConditionalOnClass({DataSource.class, JdbcConnectionDetails.class})
@Conditional(OnPluresUrl.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class PluresDataSourceAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(JdbcConnectionDetails.class)
  JdbcConnectionDetails pluresConnectionDetails(DataSourceProperties properties) {
    return new PluresConnectionDetails(properties);
  }

  /** Boot's script initializer, with PluresDB counted as embedded. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(DatabasePopulator.class)
  @ConditionalOnSqlInitialization
  @EnableConfigurationProperties(SqlInitializationProperties.class)
  static class ScriptInitialization {
    @Bean
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(ApplicationScriptDatabaseInitializer.class)
    PluresScriptInitializer dataSourceScriptDatabaseInitializer(
        DataSource dataSource, SqlInitializationProperties properties) {
      return new PluresScriptInitializer(dataSource, properties);
    }
  }
}
