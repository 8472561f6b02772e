import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * A completion script for `shell`, made from the program's own commands and
 * options, so it never falls behind them. Hand-written rather than a
 * library: three small templates over data commander already holds.
 */
export function completionScript(program: Command, shell: Shell): string {
  const commands = program.commands.map((c) => ({
    name: c.name(),
    description: c.description().replace(/'/g, ''),
    options: c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)),
    choices: c.options.flatMap((o) => (o.long && o.argChoices ? [{ flag: o.long, values: o.argChoices }] : [])),
  }));
  if (shell === 'bash') {
    const cases = commands
      .map((c) => {
        const choices = c.choices.map((x) => `        ${x.flag}) COMPREPLY=($(compgen -W '${x.values.join(' ')}' -- "$cur")); return ;;`).join('\n');
        return `    ${c.name})\n      case "$prev" in\n${choices}${choices ? '\n' : ''}      esac\n      COMPREPLY=($(compgen -W '${c.options.join(' ')}' -- "$cur") $(compgen -f -- "$cur")) ;;`;
      })
      .join('\n');
    return `# samkost completion for bash: eval "$(samkost completion bash)"
_samkost() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W '${commands.map((c) => c.name).join(' ')} --help --version' -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
}
complete -F _samkost samkost
`;
  }
  if (shell === 'zsh') {
    return `#compdef samkost
# samkost completion for zsh: eval "$(samkost completion zsh)"
_samkost() {
  if (( CURRENT == 2 )); then
    local -a commands
    commands=(${commands.map((c) => `'${c.name}:${c.description.replace(/:/g, '')}'`).join(' ')})
    _describe 'command' commands
    return
  fi
  case $words[2] in
${commands.map((c) => `    ${c.name}) _arguments ${c.options.map((o) => `'${o}'`).join(' ')} '*:file:_files' ;;`).join('\n')}
  esac
}
compdef _samkost samkost
`;
  }
  const lines = commands.flatMap((c) => [
    `complete -c samkost -n '__fish_use_subcommand' -a ${c.name} -d '${c.description}'`,
    ...c.options
      .filter((o) => o.startsWith('--'))
      .map((o) => {
        const choice = c.choices.find((x) => x.flag === o);
        return `complete -c samkost -n '__fish_seen_subcommand_from ${c.name}' -l ${o.slice(2)}${choice ? ` -xa '${choice.values.join(' ')}'` : ''}`;
      }),
  ]);
  return `# samkost completion for fish: samkost completion fish | source\n${lines.join('\n')}\n`;
}
