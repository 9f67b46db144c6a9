package io.alter8.infra.privacy;

import io.alter8.api.common.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The data keys in the command side's {@code user_data_key} table. */
public class JdbcDataKeys implements DataKeys {

    private static final RowMapper<StoredKey> ROW = (rs, i) -> new StoredKey(
            rs.getObject("key_id", UUID.class), new UserId(rs.getObject("user_id", UUID.class)),
            rs.getBytes("wrapped_key"), rs.getString("master_key_id"));

    private final JdbcTemplate jdbc;

    public JdbcDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredKey findOrCreate(UserId owner, Supplier<StoredKey> newKey) {
        Optional<StoredKey> existing = ofOwner(owner);
        if (existing.isPresent()) {
            return existing.get();
        }
        StoredKey candidate = newKey.get();
        jdbc.update("""
                INSERT INTO user_data_key (key_id, user_id, wrapped_key, master_key_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO NOTHING""",
                    candidate.keyId(), owner.value(), candidate.wrappedKey(), candidate.masterKeyId());
        // Whoever inserted first won; both read the winner.
        return ofOwner(owner).orElseThrow(() -> new IllegalStateException("data key of " + owner + " vanished"));
    }

    @Override
    public Optional<StoredKey> find(UUID keyId) {
        return jdbc.query("SELECT * FROM user_data_key WHERE key_id = ?", ROW, keyId).stream().findFirst();
    }

    @Override
    public void shred(UserId owner) {
        jdbc.update("""
                INSERT INTO user_data_key (key_id, user_id, shredded_at) VALUES (?, ?, now())
                ON CONFLICT (user_id) DO UPDATE
                SET wrapped_key = NULL, master_key_id = NULL,
                    shredded_at = COALESCE(user_data_key.shredded_at, EXCLUDED.shredded_at)""",
                    UUID.randomUUID(), owner.value());
    }

    @Override
    public Optional<StoredKey> ofOwner(UserId owner) {
        return jdbc.query("SELECT * FROM user_data_key WHERE user_id = ?", ROW, owner.value()).stream().findFirst();
    }
}
