package io.github.delayclose.test.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * The one place that decides where tests find RabbitMQ and MariaDB.
 *
 * <p>Where a Docker engine answers, each service runs in a Testcontainers container, started once
 * per JVM. Elsewhere (and always when {@code DELAY_CLOSE_TEST_SERVICES=local}) tests use the
 * services on this machine's default ports: RabbitMQ at 127.0.0.1:5672 (guest/guest) and MariaDB
 * at 127.0.0.1:3306 (root, no password). {@code .ci/run} makes sure those are up.
 * Set {@code DELAY_CLOSE_TEST_SERVICES=containers} to insist on containers.
 */
public final class TestServices {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static volatile @Nullable RabbitEndpoint rabbit;
    private static volatile @Nullable MariaDbServer mariaDb;

    private TestServices() {
    }

    /** The RabbitMQ broker for tests. */
    public static synchronized RabbitEndpoint rabbit() {
        RabbitEndpoint endpoint = rabbit;
        if (endpoint == null) {
            endpoint = useContainers() ? startRabbitContainer() : localRabbit();
            rabbit = endpoint;
        }
        return endpoint;
    }

    /**
     * A MariaDB database for tests, created empty if it does not exist. Each test module names its
     * own database, so their schemas and migration histories never meet.
     *
     * @param database lower-case letters, digits and underscores
     */
    public static synchronized DatabaseEndpoint mariaDb(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("test database name must match " + DATABASE_NAME + ": " + database);
        }
        MariaDbServer server = mariaDb;
        if (server == null) {
            server = useContainers() ? startMariaDbContainer() : localMariaDb();
            mariaDb = server;
        }
        return server.createDatabase(database);
    }

    private static boolean useContainers() {
        String choice = System.getenv().getOrDefault("DELAY_CLOSE_TEST_SERVICES", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "local" -> false;
            case "containers" -> true;
            case "auto" -> dockerAvailable();
            default -> throw new IllegalStateException("DELAY_CLOSE_TEST_SERVICES must be local, containers or auto, but was " + choice);
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    private static RabbitEndpoint localRabbit() {
        requireListening("RabbitMQ", "127.0.0.1", 5672, "rabbitmq-server -detached");
        return new RabbitEndpoint("127.0.0.1", 5672, "guest", "guest");
    }

    private static RabbitEndpoint startRabbitContainer() {
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management");
        container.start();
        return new RabbitEndpoint(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
                container.getAdminPassword());
    }

    private static MariaDbServer localMariaDb() {
        requireListening("MariaDB", "127.0.0.1", 3306,
                "start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd");
        return new MariaDbServer("jdbc:mariadb://127.0.0.1:3306/", "root", "");
    }

    private static MariaDbServer startMariaDbContainer() {
        MariaDBContainer container = new MariaDBContainer("mariadb:10.11");
        container.start();
        String url = container.getJdbcUrl();
        return new MariaDbServer(url.substring(0, url.lastIndexOf('/') + 1), "root", container.getPassword());
    }

    private static void requireListening(String service, String host, int port, String startCommand) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
        }
        catch (IOException ex) {
            throw new IllegalStateException(service + " is not listening on " + host + ":" + port
                    + " and no Docker engine is available for Testcontainers. Start it with '" + startCommand
                    + "' (bash .ci/run does this for you).", ex);
        }
    }

    private record MariaDbServer(String serverUrl, String username, String password) {

        DatabaseEndpoint createDatabase(String database) {
            try (Connection connection = DriverManager.getConnection(serverUrl, username, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
            }
            catch (SQLException ex) {
                throw new IllegalStateException("could not create test database " + database + " at " + serverUrl, ex);
            }
            return new DatabaseEndpoint(serverUrl + database, username, password);
        }
    }
}
