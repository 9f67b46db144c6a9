-- The platform's clock on the local stack (alter8.clock.movable): how far an admin moved it forward. Both services
-- read it, so the query side's "today" follows the command side's, and a restarted command side keeps the moved time.
-- One row; the offset only grows. Empty (the system clock) everywhere else.
CREATE TABLE platform_clock (
    id            BOOLEAN     PRIMARY KEY DEFAULT TRUE CHECK (id),
    offset_millis BIGINT      NOT NULL CHECK (offset_millis >= 0),
    moved_at      TIMESTAMPTZ NOT NULL
);
