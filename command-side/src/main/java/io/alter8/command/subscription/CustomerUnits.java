package io.alter8.command.subscription;

import io.alter8.api.common.UserId;

/** How many units an account has now, to price a subscription that does not name its unit count. */
interface CustomerUnits {

    int unitsOf(UserId account);
}
