// GitHub Actions workflow commands (`::error file=…,line=…::message`), printed when the CLI runs inside a workflow so
// findings show as annotations on the pull request.
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  /** left out for a problem of the whole run */
  file?: string;
  /** 1-based, like the editor's line numbers */
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
  message: string;
}

/** GitHub sets GITHUB_ACTIONS=true in every step of a workflow run. */
export function inGitHubActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

// the escaping of @actions/core: a message keeps `:` and `,`, a property value may not
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Annotations attach to a file by its path in the repository: relative to GITHUB_WORKSPACE (the checkout). */
export function repositoryPath(file: string, env: NodeJS.ProcessEnv = process.env): string {
  const rel = relative(resolve(env.GITHUB_WORKSPACE || process.cwd()), resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export function workflowCommand(a: Annotation): string {
  const props: [string, string | number | undefined][] = [['file', a.file === undefined ? undefined : repositoryPath(a.file)], ['line', a.line], ['endLine', a.endLine]];
  // the runner drops an annotation whose col/endColumn are set when line and endLine differ
  if (a.line !== undefined && (a.endLine === undefined || a.endLine === a.line)) props.push(['col', a.col], ['endColumn', a.endColumn]);
  props.push(['title', a.title]);
  const p = props.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${a.level}${p ? ' ' + p : ''}::${escapeData(a.message)}`;
}
