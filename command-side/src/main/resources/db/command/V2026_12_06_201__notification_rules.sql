-- What the notification rules need to know and remember (issue 17). Kept by the rules' own processor from the
-- events it reads, from the moment it first ran: it starts at the head of the stream, so older leases and
-- verifications are known from their next event on, and older users read English until they change their details.

-- Each notification once: a rule that sees its event again, or a check that runs again, finds its id here.
CREATE TABLE notification_issued (
    notification_id UUID PRIMARY KEY,
    user_id         UUID         NOT NULL,
    template        VARCHAR(100) NOT NULL,
    issued_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Who is party to a lease, and when it ends (for "ending soon").
CREATE TABLE notification_lease (
    lease_id            UUID PRIMARY KEY,
    property_id         UUID        NOT NULL,
    owner_id            UUID        NOT NULL,
    agent_id            UUID,
    manager_id          UUID,
    tenant_ids          UUID[]      NOT NULL,
    end_date            DATE        NOT NULL,
    active              BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX notification_lease_ending ON notification_lease (end_date) WHERE active;

-- Who a verification concerns.
CREATE TABLE notification_verification (
    verification_id    UUID PRIMARY KEY,
    property_id        UUID NOT NULL,
    owner_id           UUID NOT NULL,
    field_executive_id UUID
);

-- The language and first name messages to a user are written with.
CREATE TABLE notification_recipient (
    user_id    UUID PRIMARY KEY,
    first_name VARCHAR(100),
    language   VARCHAR(10) NOT NULL DEFAULT 'en'
);

-- Each user's choices (marketplace model's notification_preferences): channels per notification type, and quiet
-- hours in their time zone, during which only urgent messages go out on e-mail, SMS and WhatsApp.
CREATE TABLE notification_preference (
    user_id      UUID PRIMARY KEY,
    channels     JSONB       NOT NULL DEFAULT '{}',
    quiet_start  TIME,
    quiet_end    TIME,
    time_zone    VARCHAR(50) NOT NULL DEFAULT 'UTC',
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT notification_quiet_hours CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);
