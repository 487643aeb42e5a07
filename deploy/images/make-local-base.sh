#!/usr/bin/env bash
# Makes the Java 21 base image for the service images on this machine, for where no registry is reachable:
# a minimal Debian (debootstrap --variant=minbase) with Debian's OpenJDK 21 runtime, imported into podman's
# store as convene/java-base:21 (or the name given as $1). Does nothing when that image exists already;
# `podman rmi convene/java-base:21` makes it again. Needs root (debootstrap, chroot) and bin/install-podman.sh.
#
# Debian 13 (trixie), whatever this machine runs: it is the stable release that packages OpenJDK 21
# (Debian 12 has only 17), so the runtime comes from Debian's own, security-supported packages.
set -euo pipefail
cd "$(dirname "$0")/../.."

image=${1:-convene/java-base:21}
suite=${DEBIAN_SUITE:-trixie}
# The Debian mirrors this machine's apt already uses (deb822 .sources or one-line .list files), unless given.
apt_mirror() { # $1: security or main
  {
    cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v want="$1" '
      /^URIs:/ { uri = $2 }
      /^Suites:/ { security = ($0 ~ /-security/); if ((want == "security") == security && uri ~ /debian/) print uri }'
    grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk -v want="$1" '
      { security = ($3 ~ /-security/); if ((want == "security") == security && $2 ~ /debian/) print $2 }'
  } | head -n 1 || true # grep finds no one-line file where apt has only .sources
}
mirror=${DEBIAN_MIRROR:-$(apt_mirror main)}
security_mirror=${DEBIAN_SECURITY_MIRROR:-$(apt_mirror security)}
if [ -z "$mirror" ] || [ -z "$security_mirror" ]; then
  echo "No Debian mirror found in apt's sources: set DEBIAN_MIRROR and DEBIAN_SECURITY_MIRROR" >&2
  exit 1
fi
export CONTAINERS_CONF=${CONTAINERS_CONF:-$PWD/.tools/containers/containers.conf}

if [ "$(id -u)" -ne 0 ]; then
  echo "make-local-base.sh needs root (debootstrap and chroot); run it with sudo" >&2
  exit 1
fi
[ -f "$CONTAINERS_CONF" ] && command -v debootstrap >/dev/null || bash bin/install-podman.sh
if podman image exists "$image"; then
  echo "Base image $image exists already"
  exit 0
fi

started=$SECONDS
root=$(mktemp -d /var/tmp/convene-java-base.XXXXXX)
log=$root.log
keep_log=false
cleanup() {
  $keep_log || rm -f "$log"
  if mountpoint -q "$root/proc" && ! umount "$root/proc" && ! umount -l "$root/proc"; then
    echo "Could not unmount $root/proc: remove $root by hand once it is" >&2
    return
  fi
  rm -rf "$root" "$root.tar"
}
failed() {
  keep_log=true
  tail -n 30 "$log" >&2
  echo "$1 failed; its log: $log" >&2
  exit 1
}
trap cleanup EXIT

echo "Making $image: Debian $suite (minbase) from $mirror…"
# apt's download user (_apt) must be able to reach the new root's directories.
chmod 755 "$root"
debootstrap --variant=minbase --components=main "$suite" "$root" "$mirror" > "$log" 2>&1 || failed debootstrap

echo "Installing OpenJDK 21 (headless runtime), CA certificates and time zones…"
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
SOURCES
# The JRE's certificate store is made by running java in the chroot, which needs /proc.
mount -t proc proc "$root/proc"
chroot "$root" /bin/sh -euc '
  export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
  apt-get update
  apt-get -o Dpkg::Use-Pty=0 -y upgrade
  apt-get -o Dpkg::Use-Pty=0 -y install --no-install-recommends openjdk-21-jre-headless ca-certificates tzdata
  apt-get clean
' >> "$log" 2>&1 || failed "Installing the JRE"
umount "$root/proc"
# Resolved inside the new root: its /usr/bin/java is a link through its own /etc/alternatives.
java_home=$(dirname "$(dirname "$(chroot "$root" readlink -f /usr/bin/java)")")
[ -x "$root$java_home/bin/java" ] || { echo "no java found in the new root file system" >&2; exit 1; }

# Only what a running JVM uses: no package lists, caches, logs, documentation or translations.
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
  "$root"/var/log/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
  "$root"/usr/share/locale/* "$root"/usr/share/lintian "$root"/tmp/* "$root"/var/tmp/* \
  "$root"/dev/* "$root"/run/*
# Emptied: debootstrap's would otherwise be one id shared by every container made from the image.
: > "$root/etc/machine-id"

echo "Importing into podman as $image…"
# Through a file, not a pipe: a failed tar must not leave a half-made image behind.
tar --numeric-owner -C "$root" -cf "$root.tar" .
podman import --quiet \
  --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV LANG=C.UTF-8" \
  --change 'CMD ["java", "-version"]' \
  --change "LABEL org.opencontainers.image.title=convene-java-base" \
  --change "LABEL org.opencontainers.image.description=Debian $suite minbase with OpenJDK 21 (headless JRE)" \
  --message "debootstrap --variant=minbase $suite + openjdk-21-jre-headless" \
  "$root.tar" "$image" >/dev/null

size=$(podman image inspect --format '{{.Size}}' "$image")
java_version=$(podman run --rm "$image" java -version 2>&1 | sed -n 1p)
echo "Made $image in $((SECONDS - started)) s: $((size / 1000000)) MB, $java_version"
