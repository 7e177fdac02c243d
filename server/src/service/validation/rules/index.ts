// Every validation rule, in reporting order. Add a rule by adding its file and listing it here.
import type { Rule } from '../rule';
import { jsonSyntax } from './jsonSyntax';

export const RULES: readonly Rule[] = [jsonSyntax];
