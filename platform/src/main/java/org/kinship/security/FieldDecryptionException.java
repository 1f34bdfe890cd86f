package org.kinship.security;

/** An encrypted value cannot be decrypted: unknown key id, wrong context, or the ciphertext was altered. */
public class FieldDecryptionException extends RuntimeException {

    public FieldDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }

    public FieldDecryptionException(String message) {
        super(message);
    }
}
