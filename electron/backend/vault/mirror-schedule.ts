// When the key file's generation mirror (key-mirror.ts) is due: after a commit, written later, off
// the save's path, once for a burst of saves (at most `delayMs` after the first of them; close and
// lock write it at once). The write itself is the vault's (it needs the lock and the key).
export class MirrorSchedule {
  #due = false;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly flush: () => void,
  ) {}

  /** A commit's generation is not in the key file yet. */
  later(): void {
    this.#due = true;
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.flush();
    }, this.delayMs);
    this.#timer.unref();
  }

  /** For the write: whether anything was due; nothing is due after this. */
  take(): boolean {
    this.cancel();
    const due = this.#due;
    this.#due = false;
    return due;
  }

  /** Nothing to write any more (a new key file carries the mirror already). */
  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** A new key file mirrors every generation written so far: nothing is due. */
  settled(): void {
    this.cancel();
    this.#due = false;
  }
}
