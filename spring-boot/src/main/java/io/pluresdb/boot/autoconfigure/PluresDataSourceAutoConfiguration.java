package io.pluresdb.boot.autoconfigure;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Runs before Boot's data source configuration when {@code spring.datasource.url} is a PluresDB
 * URL: Boot then builds its pool (HikariCP) from the URL alone.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({DataSource.class, JdbcConnectionDetails.class})
@Conditional(OnPluresUrl.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class PluresDataSourceAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(JdbcConnectionDetails.class)
  JdbcConnectionDetails pluresConnectionDetails(DataSourceProperties properties) {
    return new PluresConnectionDetails(properties);
  }
}
