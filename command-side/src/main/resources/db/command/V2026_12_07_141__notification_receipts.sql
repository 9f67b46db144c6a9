-- Providers' delivery receipts (issue 17) name a message by the provider's own id: find it without a scan.
CREATE INDEX notification_outbox_provider_message ON notification_outbox (channel, provider_message_id)
    WHERE provider_message_id IS NOT NULL;
