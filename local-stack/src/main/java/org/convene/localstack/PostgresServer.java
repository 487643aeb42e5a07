package org.convene.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the binaries come from Maven Central) with one database and one user
 * per service. The data directory is kept between starts.
 */
final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final Path binariesDir;
    private final int port;
    private EmbeddedPostgres postgres;

    PostgresServer(Path dataDir, Path binariesDir, int port) {
        this.dataDir = dataDir;
        this.binariesDir = binariesDir;
        this.port = port;
    }

    void start() throws IOException {
        Ports.requireFree("PostgreSQL", port);
        Files.createDirectories(binariesDir);
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setRegisterShutdownHook(false)
                .start();
    }

    /** Creates the user and its database unless they exist: a second start finds them there. */
    void ensureDatabase(String name, String password) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                s.execute("create role \"" + name + "\" login password '" + password.replace("'", "''") + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
