// From a position in a template to the embedded policy under it: its virtual document and the mapped offset, so
// hover and completion run unchanged on the virtual text.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { hostRangeOf, virtualOffsetOf } from '../../core/embedded/virtualPolicy';
import { forget, IAM_LANGUAGE_ID } from '../documents';
import type { EmbeddedPolicy, TemplateAnalysis } from './templates';

export interface EmbeddedAt {
  policy: EmbeddedPolicy;
  /** the virtual document (its parse is cached under its own URI until `done()`) */
  vdoc: TextDocument;
  /** the host offset mapped into the virtual text, when the position is in text that maps */
  virtualOffset: number | undefined;
  /** a virtual range mapped back into the template */
  toHost(r: Range): Range;
  done(): void;
}

export function embeddedAt(doc: TextDocument, analysis: TemplateAnalysis, position: Position): EmbeddedAt | undefined {
  const offset = doc.offsetAt(position);
  const policy = analysis.policies.find((p) => doc.offsetAt(p.range.start) <= offset && offset <= doc.offsetAt(p.range.end));
  if (!policy) return undefined;
  const vdoc = TextDocument.create(`${doc.uri}#${encodeURIComponent(policy.id)}`, IAM_LANGUAGE_ID, 1, policy.virtual.text);
  return {
    policy, vdoc,
    virtualOffset: virtualOffsetOf(policy.virtual, offset),
    toHost: (r) => {
      const h = hostRangeOf(policy.virtual, vdoc.offsetAt(r.start), vdoc.offsetAt(r.end));
      return { start: doc.positionAt(h[0]), end: doc.positionAt(h[1]) };
    },
    done: () => forget(vdoc.uri),
  };
}
