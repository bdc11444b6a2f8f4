import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the core stays platform-free', () => {
  it('imports nothing from Slack, Teams, express or adapters/', () => {
    const offenders = files(SRC).filter((file) =>
      /from\s+['"](?:@slack\/|botbuilder|botframework|express|(?:\.\.\/)+adapters\/)/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('reads no environment variables', () => {
    expect(files(SRC).filter((file) => readFileSync(file, 'utf8').includes('process.env'))).toEqual([]);
  });
});
