package io.github.delayclose.bench.driver;

import java.util.regex.Pattern;

/**
 * The MariaDB/MySQL server the bench creates its databases on.
 *
 * @param serverUrl a JDBC URL without a database, ending in {@code /}
 */
public record DatabaseServer(String serverUrl, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public DatabaseServer {
        if (!serverUrl.endsWith("/")) {
            serverUrl = serverUrl + "/";
        }
    }

    public String jdbcUrl(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("bench database names are lower_snake_case: " + database);
        }
        return serverUrl + database;
    }
}
