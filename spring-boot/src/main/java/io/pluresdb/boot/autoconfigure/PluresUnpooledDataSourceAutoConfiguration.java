package io.pluresdb.boot.autoconfigure;

import io.pluresdb.jdbc.PluresDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Without a connection pool on the class path Boot builds no data source for a URL it does not know
 * as embedded: the application then gets a {@link PluresDataSource} for {@code
 * spring.datasource.url}, which opens each connection on the node the URL names (the node stays
 * open while any connection is).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(DataSourceProperties.class)
@Conditional(OnPluresUrl.class)
@EnableConfigurationProperties(DataSourceProperties.class)
public class PluresUnpooledDataSourceAutoConfiguration {
  @Bean
  @ConditionalOnMissingBean(DataSource.class)
  PluresDataSource dataSource(DataSourceProperties properties) {
    return new PluresDataSource(properties.determineUrl());
  }
}
