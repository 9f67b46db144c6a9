package io.alter8.merkle;

/** A proof, a root or a signature that does not verify; the message says which check failed. */
public class ProofRejected extends RuntimeException {

    public ProofRejected(String message) {
        super(message);
    }
}
