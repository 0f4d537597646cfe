// dist/index.d.ts: the library's declarations in one self-contained file, every type spelled out
// (zod-inferred types included), so a consumer compiles with nothing but this package installed:
// no zod, no commander, none of what the bundle inlines. Types exported by the entry are named
// where they are used; any other type is written out in full. A type this printer cannot write
// out (a recursive one without an exported name) fails the build rather than degrade to `any`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import ts from 'typescript';

export async function writeDeclarations(entry, outFile) {
  // The type-checker takes seconds: skip when no source, package version or this script changed since the last write.
  const stamp = 'node_modules/.cache/train-cost/dts.sha256';
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), 'package-lock.json', 'tsconfig.json', ...tsFiles('src')])
    hash.update(file).update(readFileSync(file));
  const digest = hash.digest('hex');
  if (existsSync(outFile) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  const configFile = ts.readConfigFile('tsconfig.json', ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, '.');
  // No @types/node: the public API uses none of its types, and leaving it out halves the time.
  const program = ts.createProgram([entry], { ...options, noEmit: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`dts: ${entry} not found`);
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source));

  // Exported types, by identity, so references to them print as their name.
  const names = new Map();
  for (const sym of exported) {
    const target = resolveAlias(checker, sym);
    if (target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface | ts.SymbolFlags.Class))
      names.set(checker.getDeclaredTypeOfSymbol(target), sym.name);
  }

  const stack = new Set();
  const print = (type, topLevel = false) => {
    const name = names.get(type);
    if (name !== undefined && !topLevel) return name;
    const f = type.flags;
    if (f & ts.TypeFlags.Boolean) return 'boolean';
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.BigInt | ts.TypeFlags.Null))
      return checker.typeToString(type);
    if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Never | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.ESSymbol))
      return checker.typeToString(type);
    if (f & ts.TypeFlags.StringLiteral) return JSON.stringify(type.value);
    if (f & ts.TypeFlags.NumberLiteral) return String(type.value);
    if (f & ts.TypeFlags.TypeParameter) return type.symbol.name;
    if (type.isUnion()) return collapseBooleans(type.types.map((t) => wrap(print(t)))).join(' | ');
    if (type.isIntersection()) return type.types.map((t) => wrap(print(t))).join(' & ');
    if (!(f & ts.TypeFlags.Object)) throw new Error(`dts: cannot write out ${checker.typeToString(type)}`);
    if (stack.has(type)) throw new Error(`dts: recursive type ${checker.typeToString(type)}: export it by name from ${entry}`);
    stack.add(type);
    try {
      return printObject(type);
    } finally {
      stack.delete(type);
    }
  };
  /** The text outside every bracket pair (a greedy regex would join `{a} | {b}` into one pair). */
  const topLevel = (s) => {
    let depth = 0;
    let out = '';
    for (const ch of s) {
      if ('{(['.includes(ch)) depth++;
      else if ('})]'.includes(ch)) depth--;
      else if (depth === 0) out += ch;
    }
    return out;
  };
  const wrap = (s) => (/^[(\w"'\d]|^\{|^\[|^readonly \[/.test(s) && !/[|&]|=>/.test(topLevel(s)) ? s : `(${s})`);

  const printObject = (type) => {
    if (checker.isArrayType(type)) {
      const ro = type.symbol?.name === 'ReadonlyArray' ? 'readonly ' : '';
      return `${ro}${wrap(print(checker.getTypeArguments(type)[0]))}[]`;
    }
    if (checker.isTupleType(type)) {
      const ro = type.target.readonly ? 'readonly ' : '';
      return `${ro}[${checker
        .getTypeArguments(type)
        .map((t) => print(t))
        .join(', ')}]`;
    }
    const sym = type.symbol;
    const decl = sym?.declarations?.[0];
    // A named interface or class of the standard library (Promise, Error): by name.
    if (decl && sym.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class) && program.isSourceFileDefaultLibrary(decl.getSourceFile())) {
      const args = type.aliasTypeArguments ?? (type.objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type) : []);
      return args.length ? `${sym.name}<${args.map((t) => print(t)).join(', ')}>` : sym.name;
    }
    const calls = type.getCallSignatures();
    const props = checker.getPropertiesOfType(type);
    const indexes = checker.getIndexInfosOfType(type);
    if (calls.length === 1 && props.length === 0 && indexes.length === 0) return printSignature(calls[0], ' => ');
    const members = [
      ...calls.map((s) => `${printSignature(s, ': ')};`),
      ...indexes.map((i) => `${i.isReadonly ? 'readonly ' : ''}[key: ${print(i.keyType)}]: ${print(i.type)};`),
      ...props.map((p) => {
        const optional = p.flags & ts.SymbolFlags.Optional ? '?' : '';
        const ro = p.declarations?.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) ? 'readonly ' : '';
        const key = /^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : JSON.stringify(p.name);
        return `${doc(p)}${ro}${key}${optional}: ${print(checker.getTypeOfSymbol(p))};`;
      }),
    ];
    return members.length ? `{ ${members.join(' ')} }` : '{}';
  };

  const printSignature = (sig, arrow) => {
    const tps = sig.getTypeParameters();
    const params = sig.getParameters().map((p) => {
      const d = p.valueDeclaration;
      const rest = d && ts.isParameter(d) && d.dotDotDotToken ? '...' : '';
      const optional = d && ts.isParameter(d) && (d.questionToken || d.initializer) ? '?' : '';
      return `${rest}${p.name}${optional}: ${print(checker.getTypeOfSymbol(p))}`;
    });
    return `${tps?.length ? `<${tps.map((t) => t.symbol.name).join(', ')}>` : ''}(${params.join(', ')})${arrow}${print(sig.getReturnType())}`;
  };

  const doc = (sym) => {
    const text = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
    return text ? `/** ${text.replace(/\*\//g, '*\\/').split('\n').join('\n * ')} */\n` : '';
  };

  const out = [
    '// train-cost: declarations of the library API (written by scripts/dts.mjs from src/index.ts).',
    '// Types are spelled out in full: nothing beyond this file is needed to type-check against it.',
    '',
  ];
  for (const sym of [...exported].sort((a, b) => a.name.localeCompare(b.name))) {
    const target = resolveAlias(checker, sym);
    const d = doc(target);
    if (target.flags & ts.SymbolFlags.Class) {
      const decl = target.declarations.find(ts.isClassDeclaration);
      const heritage = decl.heritageClauses?.map((h) => ` ${h.getText()}`).join('') ?? '';
      const members = [];
      for (const m of decl.members) {
        if (ts.isConstructorDeclaration(m))
          members.push(
            `constructor(${m.parameters.map((p) => `${p.name.getText()}: ${print(checker.getTypeAtLocation(p))}`).join(', ')});`,
          );
        else if (ts.isPropertyDeclaration(m)) {
          const ro = ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Readonly ? 'readonly ' : '';
          members.push(`${ro}${m.name.getText()}: ${print(checker.getTypeAtLocation(m))};`);
        }
      }
      out.push(`${d}export declare class ${sym.name}${heritage} { ${members.join(' ')} }`);
    } else if (target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface)) {
      out.push(`${d}export type ${sym.name} = ${print(checker.getDeclaredTypeOfSymbol(target), true)};`);
    } else if (target.flags & ts.SymbolFlags.Function) {
      for (const sig of checker.getTypeOfSymbol(target).getCallSignatures())
        out.push(`${d}export declare function ${sym.name}${printSignature(sig, ': ')};`);
    } else if (target.flags & ts.SymbolFlags.Variable) {
      out.push(`${d}export declare const ${sym.name}: ${print(checker.getTypeOfSymbol(target))};`);
    } else throw new Error(`dts: cannot declare export ${sym.name}`);
  }
  // Laid out by prettier for a reader (editors show these types on hover).
  writeFileSync(outFile, await format(out.join('\n'), { parser: 'typescript', printWidth: 100, singleQuote: true }));
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
}

function resolveAlias(checker, sym) {
  return sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}

/** `true | false` as `boolean`. */
function collapseBooleans(parts) {
  const i = parts.indexOf('true');
  const j = parts.indexOf('false');
  if (i < 0 || j < 0) return parts;
  return [...parts.filter((p) => p !== 'true' && p !== 'false'), 'boolean'];
}

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}
