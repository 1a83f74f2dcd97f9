import { inflateSync } from 'node:zlib';

/** The text a PDF draws: pdfkit writes each string as WinAnsi hex inside a TJ array of a deflated content stream. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const decoder = new TextDecoder('windows-1252');
  const out: string[] = [];
  // Each stream's byte length is in its dictionary; the deflated bytes may themselves end in a CR or LF.
  for (const m of raw.matchAll(/\/Length (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw.slice(start, start + Number(m[1])), 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const pieces = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => decoder.decode(Buffer.from(h[1]!, 'hex')));
      out.push(pieces.join(''));
    }
  }
  return out.join('\n');
}
