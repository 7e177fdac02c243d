// The HTML of a webview panel: its Content-Security-Policy (nothing but the extension's own script, by nonce, and its
// own stylesheet; no inline script or style), the bundled script and stylesheet from dist/webview/, the texts in the
// display language as JSON the script reads (tx() in client/webview/simulator/l10n.ts), and a placeholder while the
// script loads.
import * as vscode from 'vscode';

export interface WebviewPage {
  /** dist/webview/NAME.js and NAME.css */
  name: string;
  title: string;
  /** the main element's accessible name, and what it says until the script has drawn */
  label: string;
  loading: string;
  /** English text → the display language's */
  texts: Record<string, string>;
}

export function webviewHtml(webview: vscode.Webview, media: vscode.Uri, page: WebviewPage): string {
  const nonce = makeNonce();
  const src = (f: string) => webview.asWebviewUri(vscode.Uri.joinPath(media, f)).toString();
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource}; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${src(`${page.name}.css`)}">
<title>${page.title}</title>
</head>
<body>
<main id="app" aria-label="${page.label}"><p>${page.loading}</p></main>
<script nonce="${nonce}" id="iam-l10n" type="application/json">${JSON.stringify(page.texts).replace(/</g, '\\u003c')}</script>
<script nonce="${nonce}" src="${src(`${page.name}.js`)}"></script>
</body>
</html>`;
}

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}
