# A private virtual desktop for the benches that need one, sourced by them:
#
#   here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here")
#   . "$here/desktop.sh"
#   desktop_needs "apt-get install xvfb dbus dunst" Xvfb dbus-daemon dunst
#   iyashi=$(desktop_iyashi)          # IYASHI=path skips the release build
#   desktop_start dunst               # Xvfb, a private session bus and home, then the parts named
#   some-program & pids+=($!)         # whatever the bench starts is stopped on exit too
#
# Parts desktop_start knows: openbox (a window manager), dunst (a notification
# server), panel (gtk-sni-tray-standalone as the StatusNotifier host; returns
# once its watcher answers). Nothing of the person's own desktop is touched:
# DISPLAY, the session bus, HOME and the XDG directories all point at fresh ones
# under $work, which goes when the bench exits.
# shellcheck shell=bash

work=$(mktemp -d)
pids=()
desktop_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 0.5
  rm -rf "$work"
}
trap desktop_cleanup EXIT

# desktop_needs HINT TOOL...: stops the bench (exit 2) naming the first missing tool.
desktop_needs() {
  local hint=$1 tool
  shift
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "needs $tool: $hint" >&2; exit 2; }
  done
}

# desktop_iyashi: prints the iyashi to measure: $IYASHI, else a fresh release
# build from this checkout (iyashi-watch is built beside it; iyashi watch execs it).
desktop_iyashi() {
  if [ -n "${IYASHI:-}" ]; then
    echo "$IYASHI"
    return
  fi
  echo "== building iyashi (release)" >&2
  cargo build --release --quiet --locked --manifest-path "$root/Cargo.toml" -p iyashi >&2
  echo "$root/target/release/iyashi"
}

# desktop_items: the StatusNotifier items the panel has registered (gdbus's text).
desktop_items() {
  gdbus call --session --dest org.kde.StatusNotifierWatcher --object-path /StatusNotifierWatcher \
    --method org.freedesktop.DBus.Properties.Get org.kde.StatusNotifierWatcher RegisteredStatusNotifierItems 2>/dev/null || true
}

# desktop_start [openbox] [dunst] [panel]: Xvfb 1280x800 on a free display, a
# private session bus and home, then the parts named, in that order.
desktop_start() {
  echo "== a virtual desktop${*:+ with $*}" >&2
  # -displayfd: Xvfb takes a free display and writes its number once it
  # takes clients (a socket a killed run left in /tmp/.X11-unix is no sign).
  Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp > "$work/display" 2>/dev/null & pids+=($!)
  for _ in $(seq 200); do [ -s "$work/display" ] && break; sleep 0.05; done
  [ -s "$work/display" ] || { echo "desktop_start: Xvfb did not start" >&2; exit 1; }
  DISPLAY=":$(head -1 "$work/display")"
  export DISPLAY
  dbus-daemon --session --nofork --print-address=1 > "$work/bus" 2>/dev/null & pids+=($!)
  for _ in $(seq 100); do [ -s "$work/bus" ] && break; sleep 0.05; done
  DBUS_SESSION_BUS_ADDRESS=$(head -1 "$work/bus")
  export DBUS_SESSION_BUS_ADDRESS
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
  mkdir -p "$XDG_CONFIG_HOME"
  local part
  for part in "$@"; do
    case "$part" in
      openbox) openbox >/dev/null 2>&1 & pids+=($!) ;;
      dunst) dunst >/dev/null 2>&1 & pids+=($!); sleep 1 ;;
      panel)
        gtk-sni-tray-standalone --watcher --top --size 32 > "$work/panel.log" 2>&1 & pids+=($!)
        for _ in $(seq 100); do desktop_items | grep -q '@as\|\[' && break; sleep 0.1; done
        ;;
      *) echo "desktop_start: no part named $part (openbox, dunst, panel)" >&2; exit 2 ;;
    esac
  done
}
