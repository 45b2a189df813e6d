package io.sextant.platform.tenancy.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sextant.database.JdbcUrls;
import io.sextant.platform.tenancy.RegionServers;
import io.sextant.platform.tenancy.RegionUnreachableException;
import io.sextant.platform.tenancy.RegionsProperties;
import io.sextant.platform.tenancy.TenantConnectionRefusedException;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@link RegionServers} over one small owner pool per region; embedded servers start in parallel. */
@Component
class JdbcRegionServers implements RegionServers {

    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final Map<String, RegionServerPool> servers = new TreeMap<>();
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    JdbcRegionServers(RegionsProperties properties, @Value("${sextant.embedded.directory:.sextant}") String embeddedDirectory) {
        properties.byCode().entrySet().parallelStream()
                .map(e -> RegionServerPool.of(e.getKey(), e.getValue(), embeddedDirectory))
                .toList()
                .forEach(s -> servers.put(s.code(), s));
    }

    @Override
    public Set<String> regions() {
        return new TreeSet<>(servers.keySet());
    }

    @Override
    public boolean isKnown(String region) {
        return servers.containsKey(region);
    }

    RegionServerPool server(String region) {
        RegionServerPool s = servers.get(region);
        if (s == null) {
            throw new IllegalArgumentException("Unknown region " + region + "; configured: " + servers.keySet());
        }
        return s;
    }

    @Override
    public Connection owner(String region) {
        RegionServerPool s = server(region);
        HikariDataSource pool = pools.computeIfAbsent(region, r -> pool(s));
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new RegionUnreachableException(region, JdbcUrls.redact(s.url()), e);
        }
    }

    private static HikariDataSource pool(RegionServerPool s) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("region-" + s.code());
        c.setJdbcUrl(s.url());
        c.setUsername(s.ownerUser());
        c.setPassword(s.ownerPassword());
        c.setMaximumPoolSize(4);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        c.setValidationTimeout(2000);
        c.setInitializationFailTimeout(-1);
        c.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        return new HikariDataSource(c);
    }

    @Override
    public Connection owner(String region, String database) {
        RegionServerPool s = server(region);
        return connect(region, s.urlFor(database), s.ownerUser(), s.ownerPassword());
    }

    @Override
    public Connection connectAs(String region, String database, String user, String password) {
        return connect(region, server(region).urlFor(database), user, password);
    }

    private static Connection connect(String region, String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        try {
            return ds.getConnection();
        } catch (SQLException e) {
            if ("08001".equals(e.getSQLState()) || "08006".equals(e.getSQLState())) {
                throw new RegionUnreachableException(region, JdbcUrls.redact(url), e);
            }
            throw new TenantConnectionRefusedException(region, user, e);
        }
    }

    @Override
    public String platformDatabase(String region) {
        return server(region).database();
    }

    @Override
    public String displayUrl(String region, String database) {
        return JdbcUrls.redact(server(region).urlFor(database));
    }

    @Override
    public String systemIdentifier(String region) {
        try (Connection c = owner(region); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select system_identifier::text from pg_control_system()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the system identifier of region " + region
                    + " (grant execute on function pg_control_system() to its owner role): " + e.getMessage(), e);
        }
    }

    @Override
    public void requireReachable(String region) {
        try (Connection c = owner(region); Statement st = c.createStatement()) {
            st.execute("select 1");
        } catch (SQLException e) {
            throw new RegionUnreachableException(region, JdbcUrls.redact(server(region).url()), e);
        }
    }

    @PreDestroy
    void close() {
        pools.values().forEach(HikariDataSource::close);
    }
}
