import { allFlags } from './flags.ts';
import type { CommandSpec } from './spec.ts';

/** Single-quoted for the shell. */
function q(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A bash completion script for every command, generated from the same table as the parser and `--help`,
 * so the three never disagree. It completes group and verb words, flags, flag values with fixed choices,
 * and file names where a file is expected.
 */
export function bashCompletion(commands: readonly CommandSpec[]): string {
  const next = new Map<string, Set<string>>();
  for (const c of commands) {
    for (let i = 0; i < c.path.length; i++) {
      const key = c.path.slice(0, i).join(' ');
      const words = next.get(key) ?? new Set<string>();
      words.add(c.path[i] ?? '');
      next.set(key, words);
    }
  }
  const valued = new Set<string>();
  const flagCases: string[] = [];
  const valueCases = new Map<string, string>();
  const argCases: string[] = [];
  for (const c of commands) {
    const flags = allFlags(c.flags, c.backend);
    for (const f of flags) {
      if (f.type !== 'string') continue;
      valued.add(`--${f.name}`);
      if (f.file) valueCases.set(`--${f.name}`, 'COMPREPLY=($(compgen -f -- "$cur"))');
      else if (f.choices)
        valueCases.set(`--${f.name}`, `COMPREPLY=($(compgen -W ${q(f.choices.join(' '))} -- "$cur"))`);
    }
    flagCases.push(`    ${q(c.path.join(' '))}) echo ${q(flags.map((f) => `--${f.name}`).join(' '))} ;;`);
    const first = c.args[0];
    if (first?.choices)
      argCases.push(
        `    ${q(c.path.join(' '))}) COMPREPLY=($(compgen -W ${q(first.choices.join(' '))} -- "$cur")) ;;`,
      );
    else if (first?.file) argCases.push(`    ${q(c.path.join(' '))}) COMPREPLY=($(compgen -f -- "$cur")) ;;`);
  }
  const nextCases = [...next].map(([key, words]) => `    ${q(key)}) echo ${q([...words].join(' '))} ;;`);
  return `# casella completion for bash: eval "$(casella completion bash)"
_casella_next() {
  case "$1" in
${nextCases.join('\n')}
  esac
}
_casella_flags() {
  case "$1" in
${flagCases.join('\n')}
  esac
}
_casella() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" w i
  local valued=${q(` ${[...valued].join(' ')} `)}
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if [[ "$w" == -* ]]; then
      [[ "$valued" == *" $w "* ]] && ((i++))
      continue
    fi
    if [[ " $(_casella_next "$path") " == *" $w "* ]]; then path="\${path:+$path }$w"; fi
  done
  COMPREPLY=()
  if [[ "$valued" == *" $prev "* ]]; then
    case "$prev" in
${[...valueCases].map(([flag, action]) => `      ${q(flag)}) ${action} ;;`).join('\n')}
    esac
    return 0
  fi
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_casella_flags "$path")" -- "$cur"))
    return 0
  fi
  local words
  words="$(_casella_next "$path")"
  if [[ -n "$words" ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return 0
  fi
  case "$path" in
${argCases.join('\n')}
  esac
  return 0
}
complete -F _casella casella
`;
}

/**
 * The zsh script: zsh's own bashcompinit runs the bash function, so both shells complete from one
 * generated function instead of two that could drift apart.
 */
export function zshCompletion(commands: readonly CommandSpec[]): string {
  return `#compdef casella
# casella completion for zsh: eval "$(casella completion zsh)", or save as _casella in your $fpath
(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }
autoload -U +X bashcompinit && bashcompinit
${bashCompletion(commands).split('\n').slice(1).join('\n')}`;
}
