-- The outbox becomes the durable record of delivery (issue 17): one row per notification and channel, with its
-- status and times. Redis queues only carry row ids; a row is claimed here (pending -> sending) before it is sent,
-- so one notification is never sent twice on one channel, and a sweeper re-queues what Redis lost.
ALTER TABLE notification_outbox
    ADD COLUMN notification_id     UUID,
    ADD COLUMN user_id             UUID,
    ADD COLUMN template_version    INT          NOT NULL DEFAULT 1,
    ADD COLUMN language            VARCHAR(10)  NOT NULL DEFAULT 'en',
    ADD COLUMN priority            VARCHAR(10)  NOT NULL DEFAULT 'medium'
        CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    ADD COLUMN status              VARCHAR(10)  NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'read', 'failed')),
    ADD COLUMN attempts            INT          NOT NULL DEFAULT 0,
    -- When the next attempt may start: the scheduled time, then the end of each back-off.
    ADD COLUMN not_before          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN enqueued_at         TIMESTAMPTZ,
    ADD COLUMN claimed_until       TIMESTAMPTZ,
    ADD COLUMN provider_message_id VARCHAR(200),
    ADD COLUMN last_error          VARCHAR(500),
    ADD COLUMN delivered_at        TIMESTAMPTZ,
    ADD COLUMN read_at             TIMESTAMPTZ,
    ADD COLUMN failed_at           TIMESTAMPTZ;

-- Rows queued before anything delivered were written to the local inbox files or nowhere; their codes have long
-- expired. They are kept, as failed, for an operator to see.
UPDATE notification_outbox SET status = 'failed', failed_at = now(), last_error = 'queued before delivery existed'
WHERE sent_at IS NULL;
UPDATE notification_outbox SET status = 'sent' WHERE sent_at IS NOT NULL;

CREATE UNIQUE INDEX notification_outbox_once_per_channel ON notification_outbox (notification_id, channel)
    WHERE notification_id IS NOT NULL;
CREATE INDEX notification_outbox_due ON notification_outbox (not_before) WHERE status = 'pending';
CREATE INDEX notification_outbox_failed ON notification_outbox (failed_at) WHERE status = 'failed';
CREATE INDEX notification_outbox_sending ON notification_outbox (claimed_until) WHERE status = 'sending';
