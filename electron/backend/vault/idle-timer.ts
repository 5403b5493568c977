// The idle auto-lock's timer: restarted by every use of the vault, it fires once after the chosen
// minutes without one. Unref'd: it never keeps a CLI process or a closing app alive.
export class IdleTimer {
  #timer: NodeJS.Timeout | null = null;

  /** Restarts the countdown; `minutes` null disarms it. */
  restart(minutes: number | null, onIdle: () => void): void {
    this.disarm();
    if (minutes === null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      onIdle();
    }, minutes * 60_000);
    this.#timer.unref();
  }

  disarm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
