// What vscode.l10n does in a Japanese VS Code, for the pure report modules: the text of l10n/bundle.l10n.ja.json for
// a message (English when the bundle has none), its {0}, {1}… replaced by the arguments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, type Translator } from '../../../client/src/translator';

const bundle = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
export const japanese: Translator = { t: (message, ...args) => format(bundle[message] ?? message, args) };
