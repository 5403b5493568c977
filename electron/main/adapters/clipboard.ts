// Clipboard port over Electron's clipboard: main copies, so a secret never passes through the renderer.
// A secret is written in one atomic `clipboard.write` together with the platform's markers that keep
// it out of clipboard history and clipboard managers:
//   - macOS: `org.nspasteboard.ConcealedType` (the nspasteboard.org convention that clipboard
//     managers honour), empty;
//   - Windows: `ExcludeClipboardContentFromMonitorProcessing` (empty), and `CanIncludeInClipboardHistory`
//     / `CanUploadToCloudClipboard` as a zero DWORD (Windows 10+ clipboard history and cloud sync);
//   - Linux: `x-kde-passwordManagerHint: secret` (Klipper and compatible managers).
// Electron 45's clipboard writes raw OS formats through `electron application/osclipboard;format="…"`
// entries of a ClipboardItem; separate writes would replace the text, so it is all one item.
import type { Clipboard, ClipboardItem } from 'electron';
import type { ClipboardPort } from '../../backend/ports';

type Payload = string | Blob;
type ElectronClipboard = Pick<Clipboard, 'writeText' | 'readText' | 'clear' | 'write'>;

const osFormat = (name: string): string => `electron application/osclipboard;format="${name}"`;
const zeroDword = (): Blob => new Blob([new Uint8Array(4)]);
const empty = (): Blob => new Blob([new Uint8Array(0)]);

/** The extra formats that mark a copy as concealed on `platform` (none where there is no convention). */
export function concealedFormats(platform: NodeJS.Platform): Record<string, Blob> {
  if (platform === 'darwin') return { [osFormat('org.nspasteboard.ConcealedType')]: empty() };
  if (platform === 'win32') {
    return {
      [osFormat('ExcludeClipboardContentFromMonitorProcessing')]: empty(),
      [osFormat('CanIncludeInClipboardHistory')]: zeroDword(),
      [osFormat('CanUploadToCloudClipboard')]: zeroDword(),
    };
  }
  if (platform === 'linux') return { [osFormat('x-kde-passwordManagerHint')]: new Blob(['secret']) };
  return {};
}

export function createClipboardPort(
  clipboard: ElectronClipboard,
  options: { platform?: NodeJS.Platform; makeItem: (items: Record<string, Payload>) => ClipboardItem },
): ClipboardPort {
  const platform = options.platform ?? process.platform;
  return {
    writeText: (text) => clipboard.writeText(text),
    async writeSecret(text) {
      try {
        await clipboard.write([options.makeItem({ 'text/plain': text, ...concealedFormats(platform) })]);
      } catch {
        // A platform that refuses a marker must not lose the copy: the text alone, then.
        await clipboard.writeText(text);
      }
    },
    readText: () => clipboard.readText(),
    async clear() {
      clipboard.clear();
    },
  };
}
