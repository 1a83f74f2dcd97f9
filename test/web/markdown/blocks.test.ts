import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../web/src/markdown/blocks';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists, code and tables into plain blocks', () => {
    const source =
      '# Card\n\nTrained on **AI4I** with `sklearn`.\nSecond line.\n\n- one\n- two\n\n```\nx = 1\n```\n\n| metric | value |\n|---|---|\n| f1 | 0.8 |';
    expect(parseMarkdown(source)).toEqual([
      { kind: 'heading', level: 1, inlines: [{ kind: 'text', text: 'Card' }] },
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: 'Trained on ' },
          { kind: 'strong', text: 'AI4I' },
          { kind: 'text', text: ' with ' },
          { kind: 'code', text: 'sklearn' },
          { kind: 'text', text: '. Second line.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'code', text: 'x = 1' },
      { kind: 'table', header: ['metric', 'value'], rows: [['f1', '0.8']] },
    ]);
  });

  it('keeps HTML as literal text rather than markup', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: '<script>alert(1)</script>' }] },
    ]);
  });
});
