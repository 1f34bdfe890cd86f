# Sourced by ./kinship and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+, else picks the newest JDK under /usr/lib/jvm that is.
kinship_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

kinship_select_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(kinship_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
        return 0
    fi
    local candidate best="" best_major=0 major
    for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
        [ -x "$candidate/bin/javac" ] || continue
        major=$(kinship_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
            best="$candidate"; best_major="$major"
        fi
    done
    if [ -z "$best" ]; then
        echo "Kinship needs a JDK 21 or newer; none found. Install one (e.g. Temurin 21/25) and set JAVA_HOME." >&2
        return 1
    fi
    export JAVA_HOME="$best"
    export PATH="$JAVA_HOME/bin:$PATH"
}
