// Shell completion scripts (bash, zsh, fish) from a description of the command tree: each
// command's name, description and options, and the values some options take.

export interface CompletionOption {
  long: string;
  short: string | null;
  description: string;
  takesValue: boolean;
}

export interface CompletionCommand {
  /** '' for the program itself. */
  name: string;
  description: string;
  /** Its own options and those of its subcommands (prices import). */
  options: CompletionOption[];
  /** Its subcommands (prices: import). */
  subcommands: string[];
}

export interface CompletionTree {
  program: string;
  commands: CompletionCommand[];
  /** Values of value-taking options, by long flag (--format: table json ...). */
  values: Record<string, readonly string[]>;
}

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** A word for a shell's single quotes. */
const sq = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const fn = (program: string) => `_${program.replace(/[^A-Za-z0-9]/g, '_')}`;
const flagsOf = (o: CompletionOption) => [o.long, ...(o.short ? [o.short] : [])];

function bash(t: CompletionTree): string {
  const subs = t.commands.filter((c) => c.name !== '');
  const optionWords = (c: CompletionCommand) => [...c.subcommands, ...c.options.flatMap(flagsOf)].join(' ');
  const valueCases = Object.entries(t.values).map(([flag, values]) => {
    const short = t.commands.flatMap((c) => c.options).find((o) => o.long === flag)?.short;
    return `    ${[flag, ...(short ? [short] : [])].join('|')}) COMPREPLY=($(compgen -W ${sq(values.join(' '))} -- "$cur")); return ;;`;
  });
  const valueFlags = [
    ...new Set(t.commands.flatMap((c) => c.options.filter((o) => o.takesValue && !(o.long in t.values)).flatMap(flagsOf))),
  ];
  return `# ${t.program} completion for bash: eval "$(${t.program} completion bash)", or save it in
# ~/.local/share/bash-completion/completions/${t.program}
${fn(t.program)}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${subs.map((c) => c.name).join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$prev" in
${valueCases.join('\n')}
    --presets) COMPREPLY=($(compgen -d -- "$cur")); return ;;
${valueFlags.length > 0 ? `    ${valueFlags.filter((f) => f !== '--presets').join('|')}) COMPREPLY=(); return ;;\n` : ''}  esac
  local words
  case "$cmd" in
${subs.map((c) => `    ${c.name}) words=${sq(optionWords(c))} ;;`).join('\n')}
    *) words=${sq(`${optionWords(t.commands.find((c) => c.name === '')!)} ${subs.map((c) => c.name).join(' ')}`)} ;;
  esac
  if [[ "$cur" == -* || -n "$cmd" ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur") $(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F ${fn(t.program)} ${t.program}
`;
}

function zsh(t: CompletionTree): string {
  const subs = t.commands.filter((c) => c.name !== '');
  const item = (name: string, desc: string) => sq(`${name.replace(/:/g, '\\:')}:${desc.replace(/\s+/g, ' ')}`);
  const arrays = t.commands.map(
    (c) =>
      `  local -a opts_${c.name === '' ? 'root' : c.name.replace(/-/g, '_')}=(${c.options.flatMap((o) => flagsOf(o).map((f) => item(f, o.description))).join(' ')})`,
  );
  return `#compdef ${t.program}
# ${t.program} completion for zsh: save as _${t.program} in a folder of $fpath, or
# source <(${t.program} completion zsh)
${fn(t.program)}() {
  local -a commands=(${subs.map((c) => item(c.name, c.description)).join(' ')})
${arrays.join('\n')}
  case "\${words[CURRENT-1]}" in
${Object.entries(t.values)
  .map(([flag, values]) => {
    const short = t.commands.flatMap((c) => c.options).find((o) => o.long === flag)?.short;
    return `    ${[flag, ...(short ? [short] : [])].join('|')}) compadd -- ${values.map(sq).join(' ')}; return ;;`;
  })
  .join('\n')}
  esac
  local cmd=""
  local w
  for w in "\${(@)words[2,CURRENT-1]}"; do
    case "$w" in
      ${subs.map((c) => c.name).join('|')}) cmd="$w"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    if [[ "$PREFIX" == -* ]]; then _describe -t options option opts_root; else _describe -t commands command commands; _files; fi
    return
  fi
  case "$cmd" in
${subs.map((c) => `    ${c.name}) ${c.subcommands.length > 0 ? `compadd -- ${c.subcommands.map(sq).join(' ')}; ` : ''}_describe -t options option opts_${c.name.replace(/-/g, '_')} ;;`).join('\n')}
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then ${fn(t.program)} "$@"; else compdef ${fn(t.program)} ${t.program}; fi
`;
}

function fish(t: CompletionTree): string {
  const subs = t.commands.filter((c) => c.name !== '');
  const lines = [`# ${t.program} completion for fish: ${t.program} completion fish > ~/.config/fish/completions/${t.program}.fish`];
  for (const c of subs) lines.push(`complete -c ${t.program} -n __fish_use_subcommand -a ${c.name} -d ${sq(c.description)}`);
  for (const c of subs)
    for (const sub of c.subcommands) lines.push(`complete -c ${t.program} -n ${sq(`__fish_seen_subcommand_from ${c.name}`)} -a ${sub}`);
  for (const c of t.commands) {
    const when = c.name === '' ? '__fish_use_subcommand' : sq(`__fish_seen_subcommand_from ${c.name}`);
    for (const o of c.options) {
      const values = t.values[o.long];
      const parts = [
        `complete -c ${t.program} -n ${when} -l ${o.long.slice(2)}`,
        o.short ? `-s ${o.short.slice(1)}` : '',
        `-d ${sq(o.description)}`,
      ];
      if (values) parts.push(`-x -a ${sq(values.join(' '))}`);
      else if (o.takesValue) parts.push('-r');
      lines.push(parts.filter((p) => p !== '').join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, tree: CompletionTree): string {
  return shell === 'bash' ? bash(tree) : shell === 'zsh' ? zsh(tree) : fish(tree);
}
