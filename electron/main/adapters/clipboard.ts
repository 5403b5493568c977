// Clipboard port over Electron's clipboard: main copies, so a secret never passes through the renderer.
import type { Clipboard } from 'electron';
import type { ClipboardPort } from '../../backend/ports';

export function createClipboardPort(clipboard: Pick<Clipboard, 'writeText'>): ClipboardPort {
  return { writeText: (text) => clipboard.writeText(text) };
}
