package org.kinship.shared;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random, unguessable identifiers for documents (128 bits, hex). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
