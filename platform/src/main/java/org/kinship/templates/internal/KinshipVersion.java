package org.kinship.templates.internal;

/** The Kinship version this build is, and the comparison of dotted versions ({@code 0.1.0}, {@code 1.2}). */
public final class KinshipVersion {

    /** The version a package must not exceed; raised with each release. */
    public static final String CURRENT = "0.1.0";

    private KinshipVersion() {
    }

    /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
    static int compare(String a, String b) {
        String[] left = a.replaceFirst("-.*$", "").split("\\.");
        String[] right = b.replaceFirst("-.*$", "").split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Integer.compare(part(left, i), part(right, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    static boolean isVersion(String text) {
        return text.matches("\\d+(\\.\\d+){0,3}(-[A-Za-z0-9.]+)?");
    }

    private static int part(String[] parts, int index) {
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    }
}
