// Saves the HAR the way a page can: a Blob and a download link (the CSP governs fetches and
// styles, not downloads, and blob: URLs are same-origin).
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time this runs; the URL is not needed any more.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
