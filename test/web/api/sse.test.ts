import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../web/src/api/sse';

describe('SseParser', () => {
  it('parses named events with JSON data split across chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\ndata: {"status":')).toEqual([]);
    expect(parser.push('"running"}\n\nevent: end\ndata: {}\n\n')).toEqual([
      { event: 'progress', data: '{"status":"running"}', id: undefined },
      { event: 'end', data: '{}', id: undefined },
    ]);
  });

  it('joins multi-line data with newlines, ignores comments and defaults the event name to message', () => {
    const parser = new SseParser();
    expect(parser.push(': keep-alive\ndata: first\ndata: second\nid: 3\n\n')).toEqual([
      { event: 'message', data: 'first\nsecond', id: '3' },
    ]);
  });

  it('accepts CRLF line endings even when CR and LF arrive in different chunks', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\r')).toEqual([]);
    expect(parser.push('\ndata: x\r\n\r\n')).toEqual([{ event: 'progress', data: 'x', id: undefined }]);
  });

  it('dispatches nothing for an event without data and keeps only one leading space of a value', () => {
    const parser = new SseParser();
    expect(parser.push('event: ping\n\ndata:  two spaces\n\n')).toEqual([{ event: 'message', data: ' two spaces', id: undefined }]);
  });
});
