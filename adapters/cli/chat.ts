import type { Cita } from '../../src/index.ts';
export async function runChat(_cita: Cita): Promise<number> { return 0; }
