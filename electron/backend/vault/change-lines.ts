// The change log's lines (change-log.ts), parsed: apart from ChangeLog so a read-only reader
// (vault-peek.ts) can read them without the writing side (atomic writes, fs.promises).
export interface ChangeBatch {
  generation: number;
  names: string[];
}

export function parseChangeLines(text: string): ChangeBatch[] {
  const batches: ChangeBatch[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [gen, ...names] = line.split(' ');
    const generation = Number(gen);
    if (Number.isSafeInteger(generation)) batches.push({ generation, names });
  }
  return batches;
}
