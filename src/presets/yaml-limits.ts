// Limits on what a YAML document may ask of the reader, checked on the parsed tree before it
// is turned into data: aliases must point back at an anchor, may not expand without bound (an
// "alias bomb") or into themselves, nesting stays shallow, and keys are plain text that cannot
// reach an object's prototype (`__proto__`).
import type { Document, Node as YamlNode } from 'yaml';

/** Most aliases one document may expand, counting those inside an aliased node each time it is used. */
export const MAX_YAML_ALIASES = 100;
/** Most levels of nesting (maps and lists within each other), aliases expanded. */
export const MAX_YAML_DEPTH = 64;
export const YAML_LIMITS = `train-cost reads YAML with at most ${MAX_YAML_ALIASES} aliases and ${MAX_YAML_DEPTH} levels of nesting`;

export interface YamlProblem {
  /** Offset of the node at fault in the text. */
  offset: number;
  message: string;
}

type YamlModule = typeof import('yaml');

interface Extent {
  /** Alias expansions inside the node, each counted as often as it would be expanded. */
  aliases: number;
  /** Levels of nesting of the node (a scalar is 1). */
  depth: number;
}

class Refused extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

/** The first thing in the document that breaks a limit, or null. */
export function yamlLimitProblem(doc: Document, y: YamlModule): YamlProblem | null {
  const anchors = new Map<string, YamlNode>();
  const done = new Map<YamlNode, Extent>();
  const open = new Set<YamlNode>();
  let expanded = 0;

  const refuse = (node: unknown, message: string): never => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    throw new Refused({ offset: range?.[0] ?? 0, message });
  };

  const walk = (node: unknown, level: number): Extent => {
    if (node === null || node === undefined) return { aliases: 0, depth: 0 };
    if (level > MAX_YAML_DEPTH) refuse(node, `nesting is deeper than ${MAX_YAML_DEPTH} levels; ${YAML_LIMITS}`);
    if (y.isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) refuse(node, `alias *${node.source} has no anchor &${node.source} before it`);
      if (open.has(target!)) refuse(node, `alias *${node.source} is inside the node it refers to`);
      const t = done.get(target!)!;
      expanded += 1 + t.aliases;
      if (expanded > MAX_YAML_ALIASES)
        refuse(node, `too many aliases (more than ${MAX_YAML_ALIASES} once expanded); ${YAML_LIMITS}`);
      if (level + t.depth - 1 > MAX_YAML_DEPTH) refuse(node, `nesting is deeper than ${MAX_YAML_DEPTH} levels once aliases are expanded; ${YAML_LIMITS}`);
      return { aliases: 1 + t.aliases, depth: t.depth };
    }
    if (!y.isNode(node)) return { aliases: 0, depth: 0 };
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor !== undefined) {
      anchors.set(anchor, node);
      open.add(node);
    }
    let extent: Extent = { aliases: 0, depth: 1 };
    const add = (child: Extent) => {
      extent = { aliases: extent.aliases + child.aliases, depth: Math.max(extent.depth, child.depth + 1) };
    };
    if (y.isMap(node) || y.isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (y.isPair(item)) {
          checkKey(item.key);
          add(walk(item.value, level + 1));
        } else add(walk(item, level + 1));
      }
    }
    if (anchor !== undefined) {
      open.delete(node);
      done.set(node, extent);
    }
    return extent;
  };

  const checkKey = (key: unknown): void => {
    if (key === null || key === undefined) return;
    if (!y.isScalar(key)) refuse(key, 'a key must be plain text, not a list, a mapping or an alias');
    const value = (key as { value: unknown }).value;
    if (value === '__proto__') refuse(key, 'the key "__proto__" is not allowed');
  };

  try {
    walk(doc.contents, 1);
    return null;
  } catch (e) {
    if (e instanceof Refused) return e.problem;
    throw e;
  }
}
