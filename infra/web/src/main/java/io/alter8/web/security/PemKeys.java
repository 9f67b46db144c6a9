package io.alter8.web.security;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys from PEM text (or its bare base64 body, which fits in one environment variable). */
public final class PemKeys {

    private PemKeys() {
    }

    public static RSAPublicKey publicKey(String pem, String setting) {
        try {
            return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(body(pem, setting)));
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not an RSA public key (X.509 PEM)");
        }
    }

    public static RSAPrivateKey privateKey(String pem, String setting) {
        try {
            return (RSAPrivateKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(body(pem, setting)));
        } catch (InvalidKeySpecException | ClassCastException e) {
            throw new IllegalStateException(setting + " is not an RSA private key (PKCS#8 PEM)");
        }
    }

    private static byte[] body(String pem, String setting) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException(setting + " is not set: see README, 'Keys for access tokens'");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not PEM or base64");
        }
    }

    private static KeyFactory rsa() {
        try {
            return KeyFactory.getInstance("RSA");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
