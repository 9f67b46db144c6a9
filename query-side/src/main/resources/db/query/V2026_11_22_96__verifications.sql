-- Property verifications (seed 000 property_verifications), kept by the verifications processor from the
-- PropertyVerification aggregate's events. Every seed column has its place; owner_id is copied from the
-- verification's opening so that an owner's list needs no join, and rejection_reason is the reason of a rejection.
-- completed_at is when the verification ended, completed or rejected. version is the verification's sequence number
-- of the last event applied: an event at or below it is skipped, so replays and redeliveries leave the same row.
CREATE TABLE verification (
    id                       UUID         PRIMARY KEY,
    property_id              UUID         NOT NULL,
    owner_id                 UUID         NOT NULL,
    agent_id                 UUID,
    field_executive_id       UUID,
    verification_type        VARCHAR(10)  NOT NULL CHECK (verification_type IN ('standard', 'premium', 'legal')),
    status                   VARCHAR(20)  NOT NULL
                             CHECK (status IN ('pending', 'assigned', 'in_progress', 'completed', 'rejected')),
    requested_by             UUID,
    assigned_at              TIMESTAMPTZ,
    scheduled_at             TIMESTAMPTZ,
    started_at               TIMESTAMPTZ,
    completed_at             TIMESTAMPTZ,
    -- the structured report: free-form key/values
    verification_report      JSONB,
    quality_score            INTEGER      CHECK (quality_score BETWEEN 1 AND 10),
    issues_found             TEXT[],
    recommendations          TEXT[],
    verification_photos      TEXT[],
    verification_video_url   TEXT,
    virtual_tour_url         TEXT,
    legal_documents_verified BOOLEAN      NOT NULL DEFAULT FALSE,
    title_clear              BOOLEAN,
    legal_issues             TEXT[],
    rejection_reason         TEXT,
    agent_rating             INTEGER      CHECK (agent_rating BETWEEN 1 AND 5),
    executive_rating         INTEGER      CHECK (executive_rating BETWEEN 1 AND 5),
    feedback                 TEXT,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL
);

-- Lists are newest first, for everyone (readers), per property, per field executive, per agent, per owner.
CREATE INDEX verification_created ON verification (created_at DESC, id);
CREATE INDEX verification_property ON verification (property_id, created_at DESC);
CREATE INDEX verification_status ON verification (status, created_at DESC);
CREATE INDEX verification_executive ON verification (field_executive_id, created_at DESC)
    WHERE field_executive_id IS NOT NULL;
CREATE INDEX verification_agent ON verification (agent_id, created_at DESC) WHERE agent_id IS NOT NULL;
CREATE INDEX verification_owner ON verification (owner_id, created_at DESC);

-- Ratings of agents and field executives (seed 000 agent_profiles.average_rating, total_ratings): the latest rating
-- of each verification, averaged again from the verification rows whenever an owner rates (never incremented), by
-- the same processor, so a rebuild of the verifications rebuilds these too. kind is the role rated, as the user
-- directory spells it; average_rating is null while nobody has rated.
CREATE TABLE verification_rating (
    user_id        UUID         NOT NULL,
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('agent', 'field_executive')),
    average_rating NUMERIC(3, 2),
    total_ratings  INTEGER      NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- The agent directory's default order (seed idx_verified_agents): best rated first.
CREATE INDEX verification_rating_best ON verification_rating (kind, average_rating DESC NULLS LAST);
