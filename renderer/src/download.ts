// Saves text the host produced (an export, the rejected rows of an import) as a file on the user's computer.

/** How long the Blob stays addressable: the browser reads it asynchronously after the click. */
const REVOKE_AFTER_MS = 60_000;

/** Offers `content` as a download named `fileName`, through a Blob URL and a temporary <a download>. */
export function downloadText(fileName: string, content: string, mimeType = 'text/plain; charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
