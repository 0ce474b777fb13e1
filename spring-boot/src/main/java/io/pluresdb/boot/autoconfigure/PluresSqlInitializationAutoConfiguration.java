package io.pluresdb.boot.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.sql.autoconfigure.init.ApplicationScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.ConditionalOnSqlInitialization;
import org.springframework.boot.sql.autoconfigure.init.SqlInitializationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.datasource.init.DatabasePopulator;

/**
 * Boot's {@code spring.sql.init} with PluresDB counted as embedded: after the data source exists
 * (Boot's pool or the {@code PluresDataSource}), before Boot's own initializer, which then steps
 * aside.
 */
@AutoConfiguration(
    after = {DataSourceAutoConfiguration.class, PluresUnpooledDataSourceAutoConfiguration.class},
    before = DataSourceInitializationAutoConfiguration.class)
@ConditionalOnClass({DatabasePopulator.class, SqlInitializationProperties.class})
@Conditional(OnPluresUrl.class)
@ConditionalOnSqlInitialization
@EnableConfigurationProperties(SqlInitializationProperties.class)
public class PluresSqlInitializationAutoConfiguration {
  @Bean
  @ConditionalOnSingleCandidate(DataSource.class)
  @ConditionalOnMissingBean(ApplicationScriptDatabaseInitializer.class)
  PluresScriptInitializer dataSourceScriptDatabaseInitializer(
      DataSource dataSource, SqlInitializationProperties properties) {
    return new PluresScriptInitializer(dataSource, properties);
  }
}
