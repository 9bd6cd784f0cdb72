#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked GNOME Keyring (a real Secret Service) and a
# fresh HOME, so tests use the real OS keychain without touching the user's own.
# Usage: scripts/with-keyring.sh <command> [args...]
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing; install it with: apt-get install -y dbus gnome-keyring" >&2; exit 1; }
done
# npm keeps reading the invoking user's config (registry, node headers for native builds) and cache.
export NPM_CONFIG_USERCONFIG="${NPM_CONFIG_USERCONFIG:-$HOME/.npmrc}" NPM_CONFIG_CACHE="${NPM_CONFIG_CACHE:-$HOME/.npm}"
test_home=$(mktemp -d -t kayse-home-XXXXXX)
trap 'rm -rf "$test_home"' EXIT
export HOME="$test_home" XDG_DATA_HOME="$test_home/.local/share" XDG_CONFIG_HOME="$test_home/.config" XDG_CACHE_HOME="$test_home/.cache"
# The keyring password only protects this throw-away keyring inside this session.
password=$(head -c 18 /dev/urandom | base64)
exec dbus-run-session -- bash -c 'echo -n "$1" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; shift; exec "$@"' _ "$password" "$@"
