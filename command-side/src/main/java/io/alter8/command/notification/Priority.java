package io.alter8.command.notification;

import io.alter8.api.common.WireEnum;

/** How soon a notification must go out: urgent ones jump their channel's queue and may break quiet hours. */
public enum Priority implements WireEnum {
    LOW, MEDIUM, HIGH, URGENT
}
