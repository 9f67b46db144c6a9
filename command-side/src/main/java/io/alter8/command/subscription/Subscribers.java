package io.alter8.command.subscription;

import io.alter8.api.common.SubscriptionId;
import io.alter8.api.common.UserId;

import java.util.Optional;

/** Which subscription an account has (one at most, ended or not). */
interface Subscribers {

    Optional<SubscriptionId> subscriptionOf(UserId account);
}
