/**
 * Gaps in an OPC UA subscription's notification sequence (OPC UA Part 4, 5.13.1 and 7.21).
 *
 * Every NotificationMessage that carries data takes the next sequence number (1, 2, …, wrapping from
 * 2^32 − 1 back to 1, never 0); a keep-alive carries the number the NEXT data message will take,
 * without using it. So a data message numbered past the one expected, or a keep-alive announcing a
 * number past it, means messages were sent that never arrived. The server keeps sent messages in
 * its retransmission queue until acknowledged, so each missing number may still be fetched with
 * Republish; what Republish cannot return (BadMessageNotAvailable) is lost.
 */

const MAX_SEQUENCE = 0xffff_ffff;

/** The sequence number after `n`. */
export function nextSequenceNumber(n: number): number {
  return n >= MAX_SEQUENCE ? 1 : n + 1;
}

/** How many steps from `from` forward to `to`, across the wrap (0 when equal). */
function distance(from: number, to: number): number {
  return to >= from ? to - from : MAX_SEQUENCE - from + to;
}

/** A gap this wide is a new subscription or a confused server, not messages to fetch one by one. */
const MAX_GAP = 10_000;

export class NotificationSequence {
  private expected: number | undefined;

  /**
   * Takes one Publish response's NotificationMessage: its sequence number, and whether it carried
   * data (false for a keep-alive). Returns the sequence numbers that were skipped before it
   * (oldest first), and `tooWide` when the gap is too wide to fetch message by message.
   */
  observe(sequenceNumber: number, hasData: boolean): { missing: number[]; tooWide: number } {
    const expected = this.expected;
    if (expected === undefined) {
      // The first message of a subscription: nothing was expected yet.
      this.expected = hasData ? nextSequenceNumber(sequenceNumber) : sequenceNumber;
      return { missing: [], tooWide: 0 };
    }
    const ahead = distance(expected, sequenceNumber);
    // A number behind the expected one is a republished (or repeated) message: no news.
    if (ahead > MAX_SEQUENCE / 2) return { missing: [], tooWide: 0 };
    this.expected = hasData ? nextSequenceNumber(sequenceNumber) : sequenceNumber;
    if (ahead === 0) return { missing: [], tooWide: 0 };
    if (ahead > MAX_GAP) return { missing: [], tooWide: ahead };
    const missing: number[] = [];
    for (let n = expected; n !== sequenceNumber; n = nextSequenceNumber(n)) missing.push(n);
    return { missing, tooWide: 0 };
  }
}
