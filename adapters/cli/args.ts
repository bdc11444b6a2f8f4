/** Command-line flags and environment shared by `npm start`, `ask` and `figures`. */

/** The value of `--knowledge DIR` (or `--knowledge=DIR`), if given. */
export function knowledgeDirFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--knowledge') return argv[i + 1];
    if (arg.startsWith('--knowledge=')) return arg.slice('--knowledge='.length);
  }
  return undefined;
}

/** argv without `--knowledge DIR` and the named boolean flags; returns the flags found. */
export function splitArgs(
  argv: readonly string[],
  flags: readonly string[],
): { rest: string[]; found: Set<string> } {
  const rest: string[] = [];
  const found = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--knowledge') i++;
    else if (arg.startsWith('--knowledge=')) continue;
    else if (flags.includes(arg)) found.add(arg);
    else rest.push(arg);
  }
  return { rest, found };
}

/**
 * The terminal's locale, the way POSIX programs read it (LC_ALL, then LC_MESSAGES, then LANG):
 * `es_MX.UTF-8` → `es-MX`; none, `C` or `POSIX` → undefined.
 */
export function terminalLocale(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v?.trim());
  const tag = raw?.trim().split(/[.@]/)[0]?.replace(/_/g, '-');
  return tag && !/^(?:c|posix)$/i.test(tag) ? tag : undefined;
}
