#!/bin/sh
# Runs a command inside a throwaway D-Bus session with an unlocked GNOME Keyring (a real Secret
# Service), e.g. `sh tests/with-keyring.sh npm run bench`. tests/run.mjs uses it for `npm test`.
# The keyring's files live in a temporary XDG_DATA_HOME that is removed afterwards.
set -eu
if [ -z "${ATLAS_KEYRING_INNER:-}" ]; then
  dir=$(mktemp -d "${TMPDIR:-/tmp}/atlas-keyring-XXXXXX")
  mkdir -p "$dir/data" "$dir/run"
  chmod 700 "$dir/run"
  trap 'rm -rf "$dir"' EXIT
  ATLAS_KEYRING_INNER=1 XDG_DATA_HOME="$dir/data" XDG_RUNTIME_DIR="$dir/run" dbus-run-session -- sh "$0" "$@"
  exit $?
fi
printf %s atlas-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
# The daemon claims the Secret Service name on the bus a moment after it starts. Asking before
# that would D-Bus-activate a second, locked daemon whose unlock prompt cannot show here, so wait.
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  i=$((i + 1))
  if [ "$i" -gt 200 ]; then
    echo "with-keyring: gnome-keyring-daemon did not claim org.freedesktop.secrets within 20 s" >&2
    exit 1
  fi
  sleep 0.1
done
exec "$@"
