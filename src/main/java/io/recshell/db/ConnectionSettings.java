package io.recshell.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.postgresql.Driver;
import org.postgresql.jdbcurlresolver.PgPassParser;

import io.recshell.shell.LaunchOptions;
import io.recshell.shell.RecshellException;

/**
 * Where and as whom recshell connects, resolved the way psql does: command-line overrides
 * first, then Spring properties, then the libpq environment (PGHOST, PGPORT, PGDATABASE,
 * PGUSER, PGPASSWORD, PGSSLMODE) and its defaults, and finally ~/.pgpass or PGPASSFILE for
 * the password. The password is kept out of {@link #toString()} and of every message.
 */
public record ConnectionSettings(String jdbcUrl, String host, String port, String database,
        String user, String password) {

    /** "host:port, database d, user u": enough to find the problem, never the password. */
    public String describe() {
        return "host " + host + ", port " + port + ", database " + database + ", user " + user;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + "]";
    }

    public static ConnectionSettings resolve(LaunchOptions launch, Map<String, String> env,
            String springUrl, String springUser, String springPassword) {
        String user = firstNonBlank(launch.dbUser(), springUser, env.get("PGUSER"),
                System.getProperty("user.name"));
        String url = firstNonBlank(launch.dbUrl(), springUrl);
        if (url == null) {
            String host = firstNonBlank(env.get("PGHOST"), "localhost");
            String port = firstNonBlank(env.get("PGPORT"), "5432");
            String database = firstNonBlank(env.get("PGDATABASE"), user);
            url = "jdbc:postgresql://" + hostForUrl(host) + ":" + port + "/" + database;
            String sslMode = env.get("PGSSLMODE");
            if (sslMode != null && !sslMode.isBlank()) {
                url += "?sslmode=" + sslMode;
            }
        }
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null || !url.startsWith("jdbc:postgresql:")) {
            throw RecshellException.invalid("--db-url must be a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://host:5432/database, not '" + url + "'");
        }
        String host = parsed.getProperty("PGHOST", "localhost");
        String port = parsed.getProperty("PGPORT", "5432");
        String database = parsed.getProperty("PGDBNAME", user);
        if (parsed.getProperty("user") != null && launch.dbUser() == null) {
            user = parsed.getProperty("user");
        }
        String password = password(launch.dbPasswordFile(), springPassword, env, host, port, database, user);
        return new ConnectionSettings(url, host, port, database, user, password);
    }

    private static String password(Path passwordFile, String springPassword, Map<String, String> env,
            String host, String port, String database, String user) {
        if (passwordFile != null) {
            return readPasswordFile(passwordFile);
        }
        String password = firstNonBlank(springPassword, env.get("PGPASSWORD"));
        if (password != null) {
            return password;
        }
        return PgPassParser.getPassword(host, port, database, user);
    }

    private static String readPasswordFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            return (newline >= 0 ? content.substring(0, newline) : content).stripTrailing();
        } catch (NoSuchFileException e) {
            throw RecshellException.invalid("Cannot read --db-password-file " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw RecshellException.invalid("Cannot read --db-password-file " + file + ": permission denied");
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "it is a folder" : String.valueOf(e.getMessage());
            throw RecshellException.invalid("Cannot read --db-password-file " + file + ": " + reason);
        }
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
