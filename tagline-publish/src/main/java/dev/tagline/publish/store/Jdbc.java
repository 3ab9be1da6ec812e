package dev.tagline.publish.store;

import dev.tagline.core.TaglineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The small row-mapping helper over plain JDBC: parameters bound by position, rows mapped by a lambda. */
public final class Jdbc {
    private final Database db;

    Jdbc(Database db) {
        this.db = db;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Jdbc.Tx tx) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return single(tx -> tx.query(sql, mapper, params));
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public int update(String sql, Object... params) {
        return single(tx -> tx.update(sql, params));
    }

    /** Runs an {@code INSERT … RETURNING id} and returns the id. */
    public long insert(String sql, Object... params) {
        return single(tx -> tx.insert(sql, params));
    }

    /** Runs {@code work} in one transaction; commits when it returns, rolls back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        return run(work, true);
    }

    /** One statement in auto-commit mode: atomic by itself, one round trip instead of three. */
    private <T> T single(Work<T> work) {
        return run(work, false);
    }

    private <T> T run(Work<T> work, boolean transaction) {
        Connection c = null;
        boolean broken = false;
        try {
            c = db.borrow();
            c.setAutoCommit(!transaction);
            T result = work.run(new Tx(c));
            if (transaction) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            broken = rollback(c);
            throw new TaglineException("Publish database " + db.redacted() + " failed: " + e.getMessage(),
                    "Check that the database is reachable and not locked by another program.", e);
        } catch (RuntimeException e) {
            broken = rollback(c);
            throw e;
        } finally {
            if (c != null) {
                db.giveBack(c, broken);
            }
        }
    }

    private static boolean rollback(Connection c) {
        try {
            if (c == null || c.getAutoCommit()) {
                return false;
            }
        } catch (SQLException e) {
            return true;
        }
        try {
            c.rollback();
            return false;
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(Jdbc.class).debug("rollback failed; the connection is dropped", e);
            return true;
        }
    }

    /** One connection in a transaction. */
    public static final class Tx {
        private final Connection c;

        Tx(Connection c) {
            this.c = c;
        }

        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
            try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }

        public int update(String sql, Object... params) throws SQLException {
            try (PreparedStatement ps = prepare(sql, params)) {
                return ps.executeUpdate();
            }
        }

        public long insert(String sql, Object... params) throws SQLException {
            try (PreparedStatement ps = prepare(sql + " RETURNING id", params); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private PreparedStatement prepare(String sql, Object... params) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else if (p instanceof java.time.Instant instant) {
                    ps.setLong(i + 1, instant.toEpochMilli());
                } else if (p instanceof Enum<?> e) {
                    ps.setString(i + 1, e.name().toLowerCase(java.util.Locale.ROOT));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        }
    }

    /** Reads an epoch-millisecond column as an instant, or null. */
    public static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : java.time.Instant.ofEpochMilli(ms);
    }
}
