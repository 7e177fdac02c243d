#!/usr/bin/env bash
# Installs everything and opens the extension in a real VS Code (code-server) on the examples/ workspace.
# Works on a fresh clone with Node 20 + npm + Debian apt: Debian packages, npm ci (when node_modules is missing or
# does not match package-lock.json), production build, the .vsix, Node 24 + code-server in a cache outside the repo
# (IAM_HOST_CACHE, default ~/.cache/iam-policy-tools/host), the .vsix installed into code-server, then code-server on
# 127.0.0.1:$PORT (default 8080) in the foreground until Ctrl+C, which stops it and everything it started.
# usage: bash scripts/start-host.sh        (env: PORT=8080, IAM_HOST_CACHE=...)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/host/env.sh
PORT=${PORT:-8080}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_busy "$PORT"; then
  echo "start: port $PORT on 127.0.0.1 is already in use; stop what runs there or choose another: PORT=8081 bash scripts/start-host.sh" >&2
  exit 1
fi

t=$SECONDS
bash scripts/host/install.sh

t1=$SECONDS
if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  echo "start: npm ci (node_modules missing or out of date)"
  npm ci --no-audit --no-fund --loglevel=error
fi
printf 'start: %-44s %4d s\n' "npm dependencies" $((SECONDS - t1))

t1=$SECONDS
node scripts/package.mjs | grep -E '^(bundled|.*\.vsix:|package:)'
printf 'start: %-44s %4d s\n' "build + package" $((SECONDS - t1))
version=$(node -p 'require("./package.json").version')
name=$(node -p 'require("./package.json").name')
publisher=$(node -p 'require("./package.json").publisher')
vsix="$root/$name-$version.vsix"

# A profile of its own, kept between runs (your settings and open editors survive a restart).
profile="$HOST_CACHE/start"
mkdir -p "$profile/user/User" "$profile/ext"
if [ ! -f "$profile/user/User/settings.json" ]; then
  cat > "$profile/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": "off",
  "update.mode": "none",
  "workbench.enableExperiments": false,
  "git.enabled": false
}
JSON
fi
t1=$SECONDS
cs --user-data-dir "$profile/user" --extensions-dir "$profile/ext" --install-extension "$vsix" --force >/dev/null
cs --user-data-dir "$profile/user" --extensions-dir "$profile/ext" --list-extensions --show-versions | grep -qx "$publisher.$name@$version" \
  || { echo "start: $publisher.$name@$version is not installed in code-server after --install-extension" >&2; exit 1; }
printf 'start: %-44s %4d s\n' "install the .vsix into code-server" $((SECONDS - t1))

if port_busy "$PORT"; then echo "start: port $PORT became busy meanwhile; choose another: PORT=8081 ..." >&2; exit 1; fi
log="$profile/code-server.log"
# setsid: code-server, its extension host and the language server form one process group, stopped together.
setsid env PATH="$N24/bin:$PATH" HOME="$RUNTIME_HOME" XDG_CONFIG_HOME="$RUNTIME_HOME/.config" \
  XDG_DATA_HOME="$RUNTIME_HOME/.local/share" XDG_CACHE_HOME="$RUNTIME_HOME/.cache" EXTENSIONS_GALLERY='{}' \
  "$CS_BIN" --auth none --bind-addr "127.0.0.1:$PORT" \
  --user-data-dir "$profile/user" --extensions-dir "$profile/ext" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --reconnection-grace-time 10 \
  "$root/examples" > "$log" 2>&1 < /dev/null &
pgid=$!
stop() {
  trap - INT TERM EXIT
  if kill -0 -- "-$pgid" 2>/dev/null; then
    echo; echo "start: stopping code-server (process group $pgid)"
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 300); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$pgid" 2>/dev/null || { echo "start: code-server exited; its log:" >&2; tail -30 "$log" >&2; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" || { echo "start: code-server did not answer in 60 s; log $log" >&2; exit 1; }
printf 'start: %-44s %4d s total\n' "ready" $((SECONDS - t))
echo
echo "  VS Code with IAM Policy Language Tools $version: http://127.0.0.1:$PORT/?folder=$root/examples"
echo "  (code-server log: $log)   Press Ctrl+C to stop."
wait "$pgid"
