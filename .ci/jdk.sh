# Sourced by .ci/run: exports JAVA_HOME (and PATH) for a JDK of release 21 or newer. Takes JAVA_HOME when
# it is new enough, else the newest such JDK under /usr/lib/jvm, else installs Debian's openjdk-21 or -25.
jdk_release() { # prints the feature release of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'
}
jdk_new_enough() { local r; r=$(jdk_release "$1"); [ -n "$r" ] && [ "${r%%.*}" -ge 21 ]; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && jdk_new_enough "$JAVA_HOME"; then echo "$JAVA_HOME"; return; fi
  local best="" best_release=0 dir r
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -L "$dir" ] && continue
    r=$(jdk_release "$dir"); r=${r%%.*}
    if [ -n "$r" ] && [ "$r" -ge 21 ] && [ "$r" -gt "$best_release" ]; then best=$dir best_release=$r; fi
  done
  echo "$best"
}
DEPLOYOFTEN_JDK=$(pick_jdk)
if [ -z "$DEPLOYOFTEN_JDK" ]; then
  apt-get update
  for package in openjdk-21-jdk-headless openjdk-25-jdk-headless; do
    if DEBIAN_FRONTEND=noninteractive apt-get install -y "$package"; then break; fi
  done
  DEPLOYOFTEN_JDK=$(pick_jdk)
fi
if [ -z "$DEPLOYOFTEN_JDK" ]; then
  echo "No JDK 21 or newer: set JAVA_HOME to one (Jenkins 2.555 runs on Java 21 and 25 only)" >&2
  exit 1
fi
export JAVA_HOME="$DEPLOYOFTEN_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
