import { describe, expect, it } from 'vitest';
import { NotificationSequence, nextSequenceNumber } from '../../domain/opcuaNotificationSequence';

describe('NotificationSequence', () => {
  it('reports nothing while data messages follow each other and keep-alives announce the next one', () => {
    const seq = new NotificationSequence();
    expect(seq.observe(1, true).missing).toEqual([]);
    expect(seq.observe(2, true).missing).toEqual([]);
    // A keep-alive carries the number of the next data message without using it.
    expect(seq.observe(3, false).missing).toEqual([]);
    expect(seq.observe(3, false).missing).toEqual([]);
    expect(seq.observe(3, true).missing).toEqual([]);
  });

  it('names the data messages skipped before a later one, oldest first', () => {
    const seq = new NotificationSequence();
    seq.observe(5, true);
    expect(seq.observe(9, true)).toEqual({ missing: [6, 7, 8], tooWide: 0 });
    expect(seq.observe(10, true).missing).toEqual([]);
  });

  it('names the messages a keep-alive shows were sent and never arrived', () => {
    const seq = new NotificationSequence();
    seq.observe(1, true);
    expect(seq.observe(4, false).missing).toEqual([2, 3]);
    expect(seq.observe(4, true).missing).toEqual([]);
  });

  it('ignores a republished message behind the expected number', () => {
    const seq = new NotificationSequence();
    seq.observe(1, true);
    seq.observe(4, true);
    expect(seq.observe(2, true).missing).toEqual([]);
    expect(seq.observe(5, true).missing).toEqual([]);
  });

  it('wraps from 2^32 - 1 to 1, skipping 0', () => {
    expect(nextSequenceNumber(0xffff_ffff)).toBe(1);
    const seq = new NotificationSequence();
    seq.observe(0xffff_fffe, true);
    expect(seq.observe(2, true).missing).toEqual([0xffff_ffff, 1]);
  });

  it('gives a gap too wide to fetch one by one as a count', () => {
    const seq = new NotificationSequence();
    seq.observe(1, true);
    expect(seq.observe(50_002, true)).toEqual({ missing: [], tooWide: 50_000 });
  });
});
