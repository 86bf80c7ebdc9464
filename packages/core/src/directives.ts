import type { Nodes, Root } from 'mdast';
import { LineIndex } from './location.js';

/** `<!-- postlint-disable a, b -- reason -->`: ids are optional, the reason after `--` is ignored. */
const DIRECTIVE = /^<!--\s*postlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/u;

export interface Directive {
  readonly type: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly offset: number;
  readonly line: number;
}

export function parseDirectives(tree: Root, lines: LineIndex): Directive[] {
  const found: Directive[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') {
      const match = DIRECTIVE.exec(node.value.trim());
      if (match) {
        const [, type = 'disable', rest = ''] = match;
        const ids = (rest.split(/\s--\s|^--\s/u)[0] ?? '').split(/[\s,]+/u).filter(Boolean);
        const offset = node.position?.start.offset ?? 0;
        const endOffset = node.position?.end.offset ?? offset;
        const line = lines.position(type === 'disable-next-line' ? endOffset : offset).line;
        found.push({ type: type as Directive['type'], ruleIds: ids, offset, line });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found.sort((a, b) => a.offset - b.offset);
}

/** Answers "is rule X disabled at this place?" from the directives of one file. */
export class DirectiveState {
  constructor(private readonly directives: readonly Directive[]) {}

  get all(): readonly Directive[] {
    return this.directives;
  }

  isDisabled(ruleId: string, offset: number, line: number): boolean {
    let allOff = false;
    const off = new Set<string>();
    const on = new Set<string>();
    for (const d of this.directives) {
      const applies = d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);
      if (d.type === 'disable-line' && d.line === line && applies) return true;
      if (d.type === 'disable-next-line' && d.line + 1 === line && applies) return true;
      if (d.offset > offset || (d.type !== 'disable' && d.type !== 'enable')) continue;
      if (d.type === 'disable') {
        if (d.ruleIds.length === 0) {
          allOff = true;
          on.clear();
        } else for (const id of d.ruleIds) { off.add(id); on.delete(id); }
      } else if (d.ruleIds.length === 0) {
        allOff = false;
        off.clear();
        on.clear();
      } else for (const id of d.ruleIds) { off.delete(id); on.add(id); }
    }
    return off.has(ruleId) || (allOff && !on.has(ruleId));
  }
}
