package io.alter8.command.privacy;

import io.alter8.api.common.EncryptedValue;
import io.alter8.infra.privacy.PersonalDataReader;

/**
 * Compares by fingerprint where it can (two encryptions under one key), and reads both values only when one was
 * stored before encryption and so has no fingerprint under the key. An erased person's values equal nothing.
 */
class PlaintextComparison implements SamePlaintext {

    private final PersonalDataReader reader;

    PlaintextComparison(PersonalDataReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean same(EncryptedValue a, EncryptedValue b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        if (!a.storedPlain() && !b.storedPlain()) {
            return false;
        }
        String left = reader.plainUnlessErased(a);
        return left != null && left.equals(reader.plainUnlessErased(b));
    }
}
