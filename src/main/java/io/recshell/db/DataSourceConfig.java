package io.recshell.db;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.recshell.shell.LaunchOptions;

/**
 * The connection pool. It is small (a shell runs one command at a time) and lazy: nothing
 * connects until a command needs the database, so {@code help} works without one.
 */
@Configuration
public class DataSourceConfig {

    /**
     * The application name of this process's connections, unique per process, so that
     * Ctrl-C in the shell cancels recshell's own statements and nobody else's.
     */
    public static final String APPLICATION_NAME = "recshell " + ProcessHandle.current().pid() + "-"
            + Long.toHexString(Double.doubleToLongBits(Math.random()) & 0xffffffL);

    @Bean
    public ConnectionSettings connectionSettings(LaunchOptions launch, Environment environment) {
        return ConnectionSettings.resolve(launch, System.getenv(),
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(ConnectionSettings settings, DatabaseTimeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName("recshell");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(timeouts.connectMillis());
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeouts.connectMillis() / 1000)));
        config.setConnectionInitSql(timeouts.sessionSettingsSql());
        return new HikariDataSource(config);
    }
}
