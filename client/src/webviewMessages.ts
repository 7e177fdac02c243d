// What a webview panel does with a message from its webview before acting on it: validate it; a malformed one is
// kept (for tests), logged and answered with a notice, never acted on.
import * as vscode from 'vscode';

export interface Rejections {
  /** why each rejected message was rejected */
  rejected: string[];
  log: vscode.LogOutputChannel;
  /** the panel's name in the log */
  name: string;
  /** shows a notice in the webview */
  notice(message: string): void;
}

/** The message if `validate` accepts it; else undefined, with the rejection recorded, logged and shown. */
export function acceptWebviewMessage<T>(raw: unknown, validate: (m: unknown) => T, r: Rejections): T | undefined {
  try {
    return validate(raw);
  } catch (e) {
    const why = (e as Error).message;
    r.rejected.push(why);
    r.log.warn(`${r.name}: rejected a message from the webview: ${why}`);
    r.notice(vscode.l10n.t('Ignored a malformed message ({0}).', why));
    return undefined;
  }
}
